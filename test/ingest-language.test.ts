import { test } from "node:test";
import assert from "node:assert/strict";
import { detectLanguage } from "../src/ingest/language.js";

// Sentences written for this test (not from the profile texts).
const SAMPLES: Record<string, string> = {
  en: "The company announced on Friday that it would cut two thousand jobs over the next year because of falling sales.",
  de: "Das Unternehmen kündigte am Freitag an, im nächsten Jahr zweitausend Stellen abzubauen, weil die Umsätze zurückgehen.",
  fr: "L'entreprise a annoncé vendredi qu'elle supprimerait deux mille emplois l'année prochaine en raison de la baisse des ventes.",
  es: "La empresa anunció el viernes que eliminará dos mil puestos de trabajo el próximo año debido a la caída de las ventas.",
  it: "L'azienda ha annunciato venerdì che taglierà duemila posti di lavoro il prossimo anno a causa del calo delle vendite.",
  pt: "A empresa anunciou na sexta-feira que vai cortar dois mil empregos no próximo ano por causa da queda das vendas.",
  nl: "Het bedrijf maakte vrijdag bekend dat het volgend jaar tweeduizend banen schrapt vanwege de dalende verkoop.",
  ru: "Компания объявила в пятницу, что в следующем году сократит две тысячи рабочих мест из-за падения продаж.",
  ar: "أعلنت الشركة يوم الجمعة أنها ستلغي ألفي وظيفة خلال العام المقبل بسبب تراجع المبيعات.",
  zh: "该公司周五宣布，由于销售下滑，明年将裁减两千个工作岗位。",
  ja: "同社は金曜日、売り上げの減少を理由に来年二千人の人員を削減すると発表した。",
  ko: "회사는 금요일 판매 감소로 인해 내년에 이천 개의 일자리를 줄이겠다고 발표했다.",
  uk: "Компанія оголосила в пʼятницю, що наступного року скоротить дві тисячі робочих місць через падіння продажів.",
};

for (const [lang, text] of Object.entries(SAMPLES)) {
  test(`detects ${lang}`, () => {
    const g = detectLanguage(text);
    assert.equal(g.language, lang, JSON.stringify(g));
    assert.ok(g.confidence > 0.3 && g.confidence <= 1, JSON.stringify(g));
  });
}

test("short, empty, numeric or unknown-language text is und", () => {
  assert.equal(detectLanguage("").language, "und");
  assert.equal(detectLanguage("OK").language, "und");
  assert.equal(detectLanguage("12 34 56 78 90 -- 3.14 ... 2024-01-01").language, "und");
  // Finnish and Polish: no profile, mostly unknown trigrams
  assert.equal(detectLanguage("Firma ogłosiła w piątek, że w przyszłym roku zlikwiduje dwa tysiące miejsc pracy z powodu spadku sprzedaży.").language, "und");
  assert.equal(detectLanguage("Yhtiö ilmoitti perjantaina vähentävänsä ensi vuonna kaksituhatta työpaikkaa myynnin laskun vuoksi.").language, "und");
});
