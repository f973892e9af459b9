"""Decide whether an editor's SVG file is safe to publish: an allow-list check that reports, never rewrites.

An SVG opened on its own is an XML document that can run script, load other sites' resources or hang
a parser, so only a static drawing subset passes: listed elements, listed attributes, links within the
same file and images embedded in it.
"""

from __future__ import annotations

import re
from typing import Any
from xml.parsers import expat

from .messages import Phrase, phrase
from .problems import Problem

MAX_BYTES = 2 * 1024 * 1024  # bounds the parser's work; a larger drawing is better published as PNG
MAX_PROBLEMS = 50
SVG = "http://www.w3.org/2000/svg"
XLINK = "http://www.w3.org/1999/xlink"
XML = "http://www.w3.org/XML/1998/namespace"
# Drawing programs' own elements and attributes: browsers give them no behaviour at all.
EDITOR_NAMESPACES = frozenset(
    {"http://www.inkscape.org/namespaces/inkscape", "http://sodipodi.sourceforge.net/DTD/sodipodi-0.dtd"}
)
# RDF and Dublin Core descriptions that drawing programs write inside <metadata>; inert as well.
METADATA_NAMESPACES = EDITOR_NAMESPACES | {
    "http://www.w3.org/1999/02/22-rdf-syntax-ns#",
    "http://purl.org/dc/elements/1.1/",
    "http://purl.org/dc/terms/",
    "http://creativecommons.org/ns#",
    "http://web.resource.org/cc/",
}
ELEMENTS = frozenset(
    [
        "svg",
        "g",
        "defs",
        "symbol",
        "use",
        "title",
        "desc",
        "metadata",
        "path",
        "rect",
        "circle",
        "ellipse",
        "line",
        "polyline",
        "polygon",
        "text",
        "tspan",
        "textPath",
        "linearGradient",
        "radialGradient",
        "stop",
        "clipPath",
        "mask",
        "pattern",
        "marker",
        "filter",
        "image",
        "style",
        "feGaussianBlur",
        "feOffset",
        "feBlend",
        "feColorMatrix",
        "feComposite",
        "feFlood",
        "feMerge",
        "feMergeNode",
        "feMorphology",
        "feComponentTransfer",
        "feFuncR",
        "feFuncG",
        "feFuncB",
        "feFuncA",
        "feDropShadow",
        "feTurbulence",
        "feDisplacementMap",
        "feConvolveMatrix",
        "feDiffuseLighting",
        "feSpecularLighting",
        "feDistantLight",
        "fePointLight",
        "feSpotLight",
        "feTile",
    ]
)
HREF_ELEMENTS = frozenset(["use", "textPath", "linearGradient", "radialGradient", "pattern", "filter", "image"])
# Attributes whose values are plain numbers, names or path data: nothing in them can load or run.
PLAIN_ATTRIBUTES = frozenset(
    [
        "id",
        "class",
        "x",
        "y",
        "width",
        "height",
        "viewBox",
        "preserveAspectRatio",
        "transform",
        "d",
        "points",
        "cx",
        "cy",
        "r",
        "rx",
        "ry",
        "x1",
        "y1",
        "x2",
        "y2",
        "pathLength",
        "dx",
        "dy",
        "rotate",
        "textLength",
        "lengthAdjust",
        "startOffset",
        "method",
        "spacing",
        "side",
        "offset",
        "gradientUnits",
        "gradientTransform",
        "spreadMethod",
        "fx",
        "fy",
        "fr",
        "patternUnits",
        "patternContentUnits",
        "patternTransform",
        "markerWidth",
        "markerHeight",
        "refX",
        "refY",
        "orient",
        "markerUnits",
        "clipPathUnits",
        "maskUnits",
        "maskContentUnits",
        "filterUnits",
        "primitiveUnits",
        "in",
        "in2",
        "result",
        "stdDeviation",
        "edgeMode",
        "mode",
        "operator",
        "k1",
        "k2",
        "k3",
        "k4",
        "values",
        "type",
        "tableValues",
        "slope",
        "intercept",
        "amplitude",
        "exponent",
        "radius",
        "baseFrequency",
        "numOctaves",
        "seed",
        "stitchTiles",
        "scale",
        "xChannelSelector",
        "yChannelSelector",
        "order",
        "kernelMatrix",
        "divisor",
        "bias",
        "targetX",
        "targetY",
        "preserveAlpha",
        "kernelUnitLength",
        "surfaceScale",
        "diffuseConstant",
        "specularConstant",
        "specularExponent",
        "azimuth",
        "elevation",
        "z",
        "pointsAtX",
        "pointsAtY",
        "pointsAtZ",
        "limitingConeAngle",
        "version",
        "baseProfile",
        "lang",
        "role",
        "aria-label",
        "aria-labelledby",
        "aria-describedby",
        "aria-hidden",
        "focusable",
    ]
)
# CSS properties, allowed as attributes and in style: their values are checked for url(...) and escapes.
PRESENTATION = frozenset(
    [
        "fill",
        "fill-opacity",
        "fill-rule",
        "stroke",
        "stroke-width",
        "stroke-linecap",
        "stroke-linejoin",
        "stroke-miterlimit",
        "stroke-dasharray",
        "stroke-dashoffset",
        "stroke-opacity",
        "opacity",
        "clip-path",
        "clip-rule",
        "mask",
        "filter",
        "marker",
        "marker-start",
        "marker-mid",
        "marker-end",
        "font",
        "font-family",
        "font-size",
        "font-weight",
        "font-style",
        "font-variant",
        "font-stretch",
        "font-size-adjust",
        "text-anchor",
        "dominant-baseline",
        "alignment-baseline",
        "baseline-shift",
        "letter-spacing",
        "word-spacing",
        "text-decoration",
        "writing-mode",
        "direction",
        "unicode-bidi",
        "stop-color",
        "stop-opacity",
        "flood-color",
        "flood-opacity",
        "lighting-color",
        "color",
        "color-interpolation",
        "color-interpolation-filters",
        "color-rendering",
        "visibility",
        "display",
        "overflow",
        "shape-rendering",
        "text-rendering",
        "image-rendering",
        "vector-effect",
        "paint-order",
        "mix-blend-mode",
        "isolation",
    ]
)
# What Inkscape also writes into style attributes; browsers ignore or only lay out text with them.
INKSCAPE_STYLE = frozenset(
    [
        "line-height",
        "text-align",
        "white-space",
        "inline-size",
        "shape-inside",
        "shape-padding",
        "text-indent",
        "text-transform",
        "text-orientation",
        "text-decoration-line",
        "text-decoration-style",
        "text-decoration-color",
        "font-kerning",
        "font-variant-ligatures",
        "font-variant-caps",
        "font-variant-numeric",
        "font-variant-east-asian",
        "font-variant-position",
        "font-variant-alternates",
        "font-feature-settings",
        "font-variation-settings",
        "block-progression",
        "enable-background",
        "solid-color",
        "solid-opacity",
        "-inkscape-font-specification",
        "-inkscape-stroke",
    ]
)
STYLE_PROPERTIES = PRESENTATION | INKSCAPE_STYLE
# CSS functions that compute a value; url() is checked separately and anything else (image-set(),
# expression(), ...) is refused because it could load a file.
CSS_FUNCTIONS = frozenset(
    [
        "rgb",
        "rgba",
        "hsl",
        "hsla",
        "hwb",
        "calc",
        "min",
        "max",
        "clamp",
        "blur",
        "brightness",
        "contrast",
        "drop-shadow",
        "grayscale",
        "hue-rotate",
        "invert",
        "opacity",
        "saturate",
        "sepia",
        "matrix",
        "translate",
        "translatex",
        "translatey",
        "scale",
        "scalex",
        "scaley",
        "rotate",
        "skewx",
        "skewy",
        "inset",
        "circle",
        "ellipse",
        "polygon",
        "path",
    ]
)
CSS_FUNCTION = re.compile(r"([\w-]+)\s*\(")
LOCAL_URL = re.compile(r"""url\(\s*(?:"#[^"]*"|'#[^']*'|#[^\s"'()]*)\s*\)""", re.IGNORECASE)
CSS_COMMENT = re.compile(r"/\*.*?(?:\*/|\Z)", re.DOTALL)
CSS_RULE = re.compile(r"[^{}]*\{([^{}]*)\}")
LOCAL_REF = re.compile(r"#[\w.:-]+")
DATA_IMAGE = re.compile(r"data:image/(?:png|jpeg|gif|webp);base64,[A-Za-z0-9+/=\s]*", re.IGNORECASE)
URL_EDGES = "".join(map(chr, range(0x21)))  # what a browser's URL parser strips from both ends


class _Stop(Exception):
    """Raised from a parser callback: nothing after this point can be checked safely."""


def check_svg(data: bytes, shown_path: str) -> list[Problem]:
    if len(data) > MAX_BYTES:
        return [Problem.at(shown_path, 1, 1, "file", "svg.too-large", size=len(data) / 2**20)]
    problems: list[Problem] = []
    parser = expat.ParserCreate(namespace_separator=" ")
    parser.SetParamEntityParsing(expat.XML_PARAM_ENTITY_PARSING_NEVER)
    stack: list[tuple[str, int, int]] = []  # per open element: "skip", "meta", "style" or "ok", and its position
    style_text: list[str] = []

    def add(found: tuple[str, dict[str, Any]], stop: bool = False, line: int = 0, column: int = 0) -> None:
        rule, params = found
        if len(problems) == MAX_PROBLEMS:
            rule, params, stop = "svg.too-many-problems", {"limit": MAX_PROBLEMS}, True
        problems.append(
            Problem.at(
                shown_path,
                line or parser.CurrentLineNumber,
                column or parser.CurrentColumnNumber + 1,
                "file",
                rule,
                **params,
            )
        )
        if stop:
            raise _Stop

    def xml_declaration(version: str | None, encoding: str | None, standalone: int) -> None:
        if encoding and encoding.lower() not in ("utf-8", "utf-16"):
            add(_found("svg.encoding", encoding=encoding), stop=True)

    def doctype(*_: object) -> None:  # refusing any DTD rules out entity bombs and external entities
        add(_found("svg.doctype"), stop=True)

    def instruction(target: str, _data: str) -> None:
        add(_found("svg.stylesheet-instruction" if target == "xml-stylesheet" else "svg.instruction", target=target))

    def start(name: str, attributes: dict[str, str]) -> None:
        parent = stack[-1][0] if stack else None
        here = (parser.CurrentLineNumber, parser.CurrentColumnNumber + 1)
        namespace, _, local = name.rpartition(" ")
        if parent == "skip":  # inside a refused element, which goes away with everything in it
            stack.append(("skip", *here))
            return
        if parent is None and (namespace, local) != (SVG, "svg"):
            add(_found("svg.not-svg", element=local, namespace=SVG), stop=True)
        inert = namespace in EDITOR_NAMESPACES or (parent == "meta" and namespace in METADATA_NAMESPACES)
        if parent == "style" or (not inert and (namespace != SVG or local not in ELEMENTS)):
            rule = (
                "svg.element-in-style"
                if parent == "style"
                else "svg.element"
                if namespace == SVG
                else "svg.foreign-element"
            )
            add(_found(rule, element=local))
            stack.append(("skip", *here))
            return
        for attribute, value in attributes.items():
            found = _attribute_problem(local, attribute, value, inert)
            if found:
                add(found)
        if (namespace, local) == (SVG, "style"):  # its text is checked as a whole when it ends
            style_text.clear()
            kind = "style"
        else:
            kind = "meta" if parent == "meta" or (namespace, local) == (SVG, "metadata") else "ok"
        stack.append((kind, *here))

    def end(_name: str) -> None:
        kind, line, column = stack.pop()
        if kind == "style":
            found = _stylesheet_problem("".join(style_text))
            if found:
                add(found, line=line, column=column)

    def text(data: str) -> None:
        if stack and stack[-1][0] == "style":
            style_text.append(data)

    parser.XmlDeclHandler = xml_declaration
    parser.StartDoctypeDeclHandler = doctype
    parser.EntityDeclHandler = doctype
    parser.ProcessingInstructionHandler = instruction
    parser.StartElementHandler = start
    parser.EndElementHandler = end
    parser.CharacterDataHandler = text
    try:
        parser.Parse(data, True)
    except _Stop:
        pass
    except expat.ExpatError as error:
        problems.append(
            Problem.at(
                shown_path, error.lineno, error.offset + 1, "file", "svg.invalid", error=expat.ErrorString(error.code)
            )
        )
    return problems


def _found(rule: str, **params: Any) -> tuple[str, dict[str, Any]]:
    """A problem of the image: its rule and parameters (the position is the parser's)."""
    return rule, params


def _attribute_problem(element: str, attribute: str, value: str, inert: bool) -> tuple[str, dict[str, Any]] | None:
    namespace, _, name = attribute.rpartition(" ")
    if name.lower().startswith("on"):
        return _found("svg.event-handler", name=name, element=element)
    if name == "href" and namespace in ("", XLINK):
        return _href_problem(element, value, inert)
    if name == "style" and not namespace:
        return _declarations_problem(value, phrase("svg-where.style-of", element=element))
    # xml:base would move where '#id' references point; src and xlink:* are links on any element.
    if namespace == XLINK or name == "src" or (namespace == XML and name not in ("space", "lang")):
        return _found("svg.linking-attribute", name=name, element=element)
    if inert or namespace in EDITOR_NAMESPACES or namespace == XML:
        return None
    if not namespace and name in PRESENTATION:
        return _value_problem(value, phrase("svg-where.attribute", name=name, element=element))
    if not namespace and name in PLAIN_ATTRIBUTES:
        return None
    return _found("svg.attribute", name=name, element=element)


def _href_problem(element: str, value: str, inert: bool) -> tuple[str, dict[str, Any]] | None:
    url = re.sub(r"[\t\n\r]", "", value).strip(URL_EDGES)  # as the browser reads it
    shown = url if len(url) <= 60 else url[:57] + "..."
    if element == "image":
        return None if DATA_IMAGE.fullmatch(url) else _found("svg.external-image", address=shown)
    if not inert and element in HREF_ELEMENTS and LOCAL_REF.fullmatch(url):
        return None
    return _found("svg.link", address=shown, element=element)


def _declarations_problem(text: str, where: Phrase) -> tuple[str, dict[str, Any]] | None:
    for declaration in CSS_COMMENT.sub(" ", text).split(";"):
        if not declaration.strip():
            continue
        name, colon, value = declaration.partition(":")
        name = name.strip().lower()
        if not colon or name not in STYLE_PROPERTIES:
            return _found("svg.style-property", name=name, where=where)
        problem = _value_problem(value, phrase("svg-where.property", name=name, where=where))
        if problem:
            return problem
    return None


def _value_problem(value: str, where: Phrase) -> tuple[str, dict[str, Any]] | None:
    value = CSS_COMMENT.sub(" ", value)
    if any(character in value for character in "\\<@"):
        return _found("svg.hiding-character", where=where)
    for function in CSS_FUNCTION.finditer(value):
        name = function.group(1).lower()
        if name == "url" and not LOCAL_URL.match(value, function.start()):
            return _found("svg.outside-url", where=where)
        if name != "url" and name not in CSS_FUNCTIONS:
            return _found("svg.style-function", name=name, where=where)
    return None


def _stylesheet_problem(text: str) -> tuple[str, dict[str, Any]] | None:
    text = CSS_COMMENT.sub(" ", text)
    if any(character in text for character in "\\<@"):
        return _found("svg.stylesheet-at-rule")
    if CSS_RULE.sub("", text).strip():
        return _found("svg.stylesheet-text")
    for rule in CSS_RULE.finditer(text):
        problem = _declarations_problem(rule.group(1), phrase("svg-where.style-element"))
        if problem:
            return problem
    return None
