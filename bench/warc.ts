/**
 * `npm run bench -- warc [--mb N] [--no-record]`: WARC parsing speed. Generates a CC-NEWS-like
 * .warc.gz (one gzip member per record, varied HTML pages of 10-120 KB) under bench/out once,
 * then reads it with readWarc and reports MB/s of compressed input (CPU time, one core) and
 * records/s. Extraction is measured separately (bench extract).
 */
import { existsSync, mkdirSync, statSync, openSync, writeSync, closeSync } from "node:fs";
import { join } from "node:path";
import { REPO, recordBenchmark } from "./lib/record.js";
import { readWarc } from "../src/ingest/warc/read.js";
import { gzipMember, responseRecord, warcinfoRecord } from "../src/ingest/warc/write.js";

/** Deterministic pseudo-random generator (mulberry32). */
function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const SYL = ["ka", "lo", "mi", "ne", "ru", "sa", "ti", "vo", "an", "el", "or", "us", "ber", "gen", "tal", "mon", "dri", "pas", "cor", "fen"];

function page(r: () => number, i: number): string {
  const words = () => {
    const n = 1 + Math.floor(r() * 3);
    let w = "";
    for (let k = 0; k < n; k++) w += SYL[Math.floor(r() * SYL.length)];
    return w;
  };
  const paras: string[] = [];
  const np = 5 + Math.floor(r() * 40);
  for (let p = 0; p < np; p++) {
    const nw = 20 + Math.floor(r() * 80);
    const ws: string[] = [];
    for (let k = 0; k < nw; k++) ws.push(words());
    paras.push(`<p>${ws.join(" ")}.</p>`);
  }
  // Real pages are mostly repetitive markup (head, menus, scripts): CC-NEWS compresses about 4-5x.
  const nav = Array.from({ length: 120 }, (_, k) => `<li class="menu-item menu-item-type-taxonomy"><a class="nav-link" href="https://news.example.org/section/${k}/">Section ${k}</a></li>`).join("\n");
  const metas = Array.from({ length: 40 }, (_, k) => `<meta property="og:field${k}" content="value ${k} for story ${i}">`).join("\n");
  const script = `<script>window.dataLayer=window.dataLayer||[];function gtag(){dataLayer.push(arguments)}gtag('js',new Date());gtag('config','UA-${i % 97}');</script>`.repeat(12);
  return `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>Story ${i}</title>${metas}${script}</head><body><nav><ul>${nav}</ul></nav><article><h1>Story ${i}</h1>${paras.join("\n")}</article><footer>(c) example</footer></body></html>`;
}

export async function run(args: string[]): Promise<void> {
  const mb = args.includes("--mb") ? Number(args[args.indexOf("--mb") + 1]) : 200;
  const record = !args.includes("--no-record");
  const outDir = join(REPO, "bench", "out");
  mkdirSync(outDir, { recursive: true });
  const file = join(outDir, `bench-${mb}mb.warc.gz`);
  if (!existsSync(file)) {
    const r = rng(42);
    const fd = openSync(file, "w");
    let written = 0;
    writeSync(fd, gzipMember(warcinfoRecord({ software: "eventwire bench", format: "WARC File Format 1.1" })));
    for (let i = 0; written < mb * 1e6; i++) {
      const m = gzipMember(responseRecord({ targetUri: `https://news.example.org/2024/01/${i}.html`, body: page(r, i) }));
      writeSync(fd, m);
      written += m.length;
    }
    closeSync(fd);
  }
  const size = statSync(file).size;
  let records = 0;
  let bodyBytes = 0;
  let failures = 0;
  const t0 = process.hrtime.bigint();
  const c0 = process.cpuUsage();
  for await (const item of readWarc(file)) {
    if (item.kind === "response") {
      records++;
      bodyBytes += item.body.length;
    } else failures++;
  }
  const cpu = process.cpuUsage(c0);
  const secs = (cpu.user + cpu.system) / 1e6;
  const wall = Number(process.hrtime.bigint() - t0) / 1e9;
  const lines = [
    `| metric | value |`,
    `|---|---|`,
    `| file | generated .warc.gz, ${(size / 1e6).toFixed(1)} MB compressed, ${records} response records, ${(bodyBytes / 1e6).toFixed(0)} MB of HTML, ${failures} failures |`,
    `| MB/s compressed (CPU time, 1 core) | ${(size / 1e6 / secs).toFixed(1)} |`,
    `| MB/s compressed (wall, shared machine) | ${(size / 1e6 / wall).toFixed(1)} |`,
    `| records/s (CPU time) | ${(records / secs).toFixed(0)} |`,
    ``,
    `Command: \`npm run bench -- warc --mb ${mb}\` (reading only: record parsing, gzip, HTTP headers; extraction is \`bench extract\`).`,
  ];
  if (record) recordBenchmark("warc", lines);
  else process.stdout.write(lines.join("\n") + "\n");
}
