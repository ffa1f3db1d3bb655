export * from "./span.js";
export * from "./article.js";
export * from "./entity.js";
export * from "./event.js";
export * from "./quote.js";
export * from "./doc.js";
export * from "./analysis.js";
