// The canonical text of a content file, as hooks/tarkeissa/content/front_matter_format.py writes it:
// the web editor saves exactly what `tarkeissa format` would (tests/editors/test_canonical_js.py runs
// both on the same data). Read with js-yaml's YAML 1.2 core schema: dates stay text, as the date
// widget wants them. In the browser: window.TTFormat; in Node (the tests): module.exports.
(function (root, make) {
  const api = make();
  if (typeof module === "object" && module.exports) module.exports = api;
  else root.TTFormat = api;
})(typeof self !== "undefined" ? self : this, function () {
  "use strict";
  const SPECIAL = /[\x00-\x1f\x7f-\x9f\u2028\u2029\ufeff\ufffe\uffff]|[\ud800-\udfff]/u;
  const RESERVED = /^(?:~|null|Null|NULL|true|True|TRUE|false|False|FALSE|yes|Yes|YES|no|No|NO|on|On|ON|off|Off|OFF|y|Y|n|N|<<|=)$/;
  const FIRST = "-?:,[]{}#&*!|>'\"%@` \t0123456789.+<=";
  const FLOW = ",[]{}:?";
  const ESCAPES = {'"': '\\"', "\\": "\\\\", "\n": "\\n", "\t": "\\t"};
  const DATE = /^\d{4}-\d{2}-\d{2}$/;

  function plainOk(text, flow) {
    return Boolean(
      text &&
        !FIRST.includes(text[0]) &&
        !" \t:".includes(text[text.length - 1]) &&
        !SPECIAL.test(text) &&
        !text.includes(": ") &&
        !text.includes(" #") &&
        !RESERVED.test(text) &&
        !(flow && [...FLOW].some((mark) => text.includes(mark))),
    );
  }

  function quoted(text) {
    let out = "";
    for (const char of text) {
      if (char in ESCAPES) out += ESCAPES[char];
      else if (SPECIAL.test(char)) out += "\\u" + char.codePointAt(0).toString(16).padStart(4, "0");
      else out += char;
    }
    return '"' + out + '"';
  }

  function scalar(value, flow, spec) {
    if (value === null || value === undefined) return "null";
    if (typeof value === "boolean") return value ? "true" : "false";
    if (typeof value === "number") return String(value);
    if (value instanceof Date) return value.toISOString().slice(0, 10);
    const text = String(value);
    if (spec && spec.kind === "date" && DATE.test(text)) return text;
    return plainOk(text, flow) ? text : quoted(text);
  }

  function ordered(data, fields) {
    const names = new Set(fields.map((spec) => spec.name));
    const known = fields.filter((spec) => spec.name in data).map((spec) => [spec.name, data[spec.name], spec]);
    return known.concat(Object.keys(data).filter((key) => !names.has(key)).map((key) => [key, data[key], null]));
  }

  function flowText(value, fields, spec) {
    if (Array.isArray(value)) return "[" + value.map((item) => flowText(item, fields, spec)).join(", ") + "]";
    if (value && typeof value === "object" && !(value instanceof Date)) {
      return "{" + ordered(value, fields).map(([key, item, sub]) =>
        scalar(key, true) + ": " + flowText(item, sub ? sub.fields : [], sub)).join(", ") + "}";
    }
    return scalar(value, true, spec);
  }

  function isMap(value) {
    return Boolean(value) && typeof value === "object" && !Array.isArray(value) && !(value instanceof Date);
  }

  function block(data, fields, indent) {
    const lines = [];
    for (const [key, value, spec] of ordered(data, fields)) {
      const head = indent + scalar(key) + ":";
      const sub = spec ? spec.fields : [];
      if (isMap(value) && Object.keys(value).length) lines.push(head, ...block(value, sub, indent + "  "));
      else if (Array.isArray(value) && value.some(isMap)) {
        lines.push(head, ...value.map((item) => indent + "  - " + flowText(item, sub, spec)));
      } else if (Array.isArray(value) || isMap(value)) lines.push(head + " " + flowText(value, sub, spec));
      else if (value === null || value === undefined) lines.push(head);
      else if (spec && spec.kind === "plain text" && typeof value === "string" && blockOk(value)) {
        lines.push(head + " >-", indent + "  " + value);
      } else lines.push(head + " " + scalar(value, false, spec));
    }
    return lines;
  }

  function blockOk(text) {
    return Boolean(text) && !" \t".includes(text[0]) && !" \t".includes(text[text.length - 1]) && !SPECIAL.test(text);
  }

  function frontMatter(data, fields) {
    return block(data, fields, "").map((line) => line + "\n").join("");
  }

  function documentText(data, body, fields) {
    const text = String(body || "").replace(/^\n+|\n+$/g, "");
    return "---\n" + frontMatter(data, fields) + "---\n" + (text ? "\n" + text + "\n" : "");
  }

  // What an emptied field leaves in the editor (null, "", [], {}) is no value: it is not written.
  function empty(value) {
    return value === null || value === undefined || value === "" ||
      (Array.isArray(value) && value.length === 0) || (isMap(value) && Object.keys(value).length === 0);
  }

  function withoutEmpty(value) {
    if (Array.isArray(value)) return value.map(withoutEmpty).filter((item) => !empty(item));
    if (isMap(value)) {
      const out = {};
      for (const [key, item] of Object.entries(value)) {
        const kept = withoutEmpty(item);
        if (!empty(kept)) out[key] = kept;
      }
      return out;
    }
    return value;
  }

  function split(content) {
    const text = String(content || "").replace(/\r\n?/g, "\n").replace(/^\ufeff/, "");
    const match = /^---[ \t]*\n([\s\S]*?\n)?(?:---|\.\.\.)[ \t]*(?:\n|$)/.exec(text);
    if (!match) return {yaml: "", body: text};
    return {yaml: match[1] || "", body: text.slice(match[0].length)};
  }

  // A Decap CMS format (CMS.registerCustomFormat) for one kind of file; jsyaml is js-yaml.
  function formatter(fields, jsyaml) {
    return {
      fromFile(content) {
        const {yaml, body} = split(content);
        const data = yaml.trim() ? jsyaml.load(yaml, {schema: jsyaml.CORE_SCHEMA}) : {};
        return {...(isMap(data) ? data : {}), body: body.replace(/^\n+/, "")};
      },
      toFile(data) {
        const {body, ...meta} = withoutEmpty(data || {});
        return documentText(meta, body, fields);
      },
    };
  }

  return {plainOk, quoted, frontMatter, documentText, formatter, split, withoutEmpty};
});
