"""An SVG is published only if it is a static drawing: anything that could run code or load another site is refused."""

import time
from pathlib import Path

import pytest
from tarkeissa.content.svg_policy import MAX_BYTES, MAX_PROBLEMS, check_svg

ROOT = Path(__file__).resolve().parents[2]
PATH = "content/acts/x.svg"
OPEN = '<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" viewBox="0 0 10 10">\n'


def drawing(body: str) -> bytes:
    """An SVG whose body starts at line 3, column 1."""
    return f'{OPEN}<g id="layer">\n{body}\n</g>\n</svg>\n'.encode()


INKSCAPE_EXPORT = """\
<?xml version="1.0" encoding="UTF-8" standalone="no"?>
<!-- Created with Inkscape (http://www.inkscape.org/) -->

<svg
   width="210mm"
   height="297mm"
   viewBox="0 0 210 297"
   version="1.1"
   id="svg1"
   inkscape:version="1.3.2 (091e20ef0f, 2023-11-25)"
   sodipodi:docname="kuva.svg"
   xml:space="preserve"
   xmlns:inkscape="http://www.inkscape.org/namespaces/inkscape"
   xmlns:sodipodi="http://sodipodi.sourceforge.net/DTD/sodipodi-0.dtd"
   xmlns:xlink="http://www.w3.org/1999/xlink"
   xmlns="http://www.w3.org/2000/svg"
   xmlns:svg="http://www.w3.org/2000/svg"
   xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"
   xmlns:cc="http://creativecommons.org/ns#"
   xmlns:dc="http://purl.org/dc/elements/1.1/"><sodipodi:namedview
     id="namedview1" pagecolor="#ffffff" bordercolor="#000000" borderopacity="0.25"
     inkscape:showpageshadow="2" inkscape:pageopacity="0.0" inkscape:deskcolor="#d1d1d1"
     inkscape:document-units="mm" inkscape:zoom="0.72" inkscape:current-layer="layer1"><inkscape:page
       x="0" y="0" width="210" height="297" id="page2" margin="0" bleed="0" /></sodipodi:namedview><defs
     id="defs1"><inkscape:path-effect effect="spiro" id="path-effect1" is_visible="true"
       lpeversion="1" /><linearGradient
       id="linearGradient1" inkscape:collect="always"><stop
         style="stop-color:#0b7a75;stop-opacity:1;" offset="0" id="stop1" /><stop
         style="stop-color:#0b7a75;stop-opacity:0;" offset="1" id="stop2" /></linearGradient><linearGradient
       inkscape:collect="always" xlink:href="#linearGradient1" id="linearGradient2"
       x1="20" y1="40" x2="180" y2="40" gradientUnits="userSpaceOnUse" /><filter
       style="color-interpolation-filters:sRGB" inkscape:label="Blur" id="filter1" x="-0.1" y="-0.1"
       width="1.2" height="1.2"><feGaussianBlur stdDeviation="1.5" id="feGaussianBlur1" /></filter></defs><metadata
     id="metadata1"><rdf:RDF><cc:Work rdf:about=""><dc:format>image/svg+xml</dc:format><dc:type
           rdf:resource="http://purl.org/dc/dcmitype/StillImage" /><dc:title>Kuva</dc:title></cc:Work></rdf:RDF
     ></metadata><g
     inkscape:label="Taso 1" inkscape:groupmode="layer" id="layer1"><path
       style="fill:url(#linearGradient2);fill-opacity:1;stroke:#2f4858;stroke-width:0.264583;stroke-dasharray:none;-inkscape-stroke:none;filter:url(#filter1)"
       d="m 20,40 c 40,-20 120,-20 160,0" id="path1" inkscape:path-effect="#path-effect1"
       inkscape:original-d="m 20,40 c 40,-20 120,-20 160,0" sodipodi:nodetypes="cc" /><ellipse
       style="fill:#f6ae2d;stroke-width:0.264583" id="path2" cx="60" cy="90" rx="14" ry="12" /><text
       xml:space="preserve"
       style="font-style:normal;font-weight:bold;font-size:10.5833px;line-height:1.25;font-family:sans-serif;
         -inkscape-font-specification:'sans-serif Bold';text-align:center;text-anchor:middle;fill:#000000;
         stroke-width:0.264583"
       x="105" y="150" id="text1"><tspan sodipodi:role="line" id="tspan1" x="105" y="150"
         style="stroke-width:0.264583">Tärkeissä töissä</tspan></text><use
       xlink:href="#path2" id="use1" transform="translate(40)" /></g></svg>
"""


@pytest.mark.parametrize("name", ["jamsa-palvelumuotoilu.svg", "pohjanmaa-kaksikielinen-mentorointi.svg"])
def test_the_starter_images_pass(name):
    path = ROOT / "content" / "acts" / name
    assert check_svg(path.read_bytes(), f"content/acts/{name}") == []


@pytest.mark.parametrize(
    "data",
    [
        INKSCAPE_EXPORT.encode(),
        INKSCAPE_EXPORT.replace('encoding="UTF-8"', 'encoding="UTF-16"').encode("utf-16"),
        drawing(
            '<defs><style type="text/css"><![CDATA[\n  .cls-1{fill:#fff;stroke:url(#g)}\n  /* Illustrator */ '
            '.cls-2 { fill : rgb(0, 0, 0) }\n]]></style></defs><rect class="cls-1" width="1" height="1"/>'
        ),
        drawing('<use href="  #layer&#10;"/><rect fill="url(\'#g\') #fff" clip-path="url( #c )"/>'),
        drawing('<image width="1" height="1" href="data:image/png;base64,iVBORw0KGgo=\n  AAAA"/>'),
        drawing("<title>Kaavio</title><desc>Kolme ihmistä &amp; puhekupla</desc><text><tspan>A&lt;B</tspan></text>"),
    ],
)
def test_drawings_from_editors_programs_pass(data):
    assert check_svg(data, PATH) == []


ATTACKS = [  # (body starting at line 3, column 1; what the message says)
    ("<script>alert(1)</script>", "<script> element"),
    ("<script type='text/ecmascript'><![CDATA[\n alert(1)\n]]></script>", "<script> element"),
    ('<rect width="1" height="1" onclick="alert(1)"/>', "event handler 'onclick' on <rect>"),
    ('<a xlink:href="javascript:alert(1)"><rect width="1" height="1"/></a>', "<a> element"),
    ('<animate attributeName="href" to="javascript:alert(1)"/>', "<animate> element"),
    ('<set attributeName="xlink:href" to="javascript:alert(1)"/>', "<set> element"),
    (
        '<foreignObject><body xmlns="http://www.w3.org/1999/xhtml"><script>alert(1)</script></body></foreignObject>',
        "<foreignObject> element",
    ),
    ('<h:script xmlns:h="http://www.w3.org/1999/xhtml">alert(1)</h:script>', "<script> element that is not SVG"),
    ('<iframe src="https://evil.example/"/>', "<iframe> element"),
    ('<use href="https://evil.example/sprite.svg#icon"/>', "link to 'https://evil.example/sprite.svg#icon' on <use>"),
    ('<use xlink:href="http://evil.example/sprite.svg#icon"/>', "link to 'http://evil.example/sprite.svg#icon'"),
    ('<image href="https://evil.example/track.png" width="1" height="1"/>', "<image> that loads 'https://evil"),
    ('<image href="data:image/svg+xml;base64,PHN2Zz4=" width="1" height="1"/>', "<image> that loads 'data:image/svg"),
    ('<use href=" JaVaScRiPt:alert(1)"/>', "link to 'JaVaScRiPt:alert(1)' on <use>"),
    ('<use xlink:href="&#106;avascript:alert(1)"/>', "link to 'javascript:alert(1)' on <use>"),
    ('<rect href="#layer" width="1" height="1"/>', "link to '#layer' on <rect>"),
    ('<g xml:base="https://evil.example/"><use href="#layer"/></g>', "attribute 'base' on <g>"),
    ('<rect style="fill:url(https://evil.example/x)"/>', "url(...) pointing outside the image in 'fill'"),
    ('<rect style="background:url(https://evil.example/x)"/>', "style property 'background' in the style of <rect>"),
    ('<rect style="fill:u\\72l(https://evil.example/x)"/>', "'\\', '<' or '@'"),
    ('<rect fill="url(//evil.example/x)"/>', "url(...) pointing outside the image in 'fill' on <rect>"),
    ("<rect mask=\"image-set('https://evil.example/x.png')\"/>", "style function 'image-set('"),
    ("<style>@import url(//evil.example/x.css);</style>", "@-rule (such as @import) in <style>"),
    ("<style>@font-face { font-family: x; src: url(https://evil.example/f.woff) }</style>", "@-rule"),
    ("<style>rect { fill: url(https://evil.example/x) }</style>", "url(...) pointing outside the image"),
    ("<style>rect { fill: expression(alert(1)) }</style>", "style function 'expression('"),
    ('<rect data-track="1" width="1" height="1"/>', "attribute 'data-track' on <rect>"),
    ("<discard/>", "<discard> element"),
]


@pytest.mark.parametrize("body, message", ATTACKS)
def test_each_attack_is_refused_once_at_its_line(body, message):
    [problem] = check_svg(drawing(body), PATH)
    assert (problem.path, problem.line, problem.column, problem.field) == (PATH, 3, 1, "file")
    assert message in problem.message


@pytest.mark.parametrize(
    "body, line, column, message",
    [
        (
            '<metadata><h:iframe xmlns:h="http://www.w3.org/1999/xhtml" src="https://evil.example/"/></metadata>',
            3,
            11,
            "<iframe> element that is not SVG",
        ),
        ("<style>rect { fill: red }<g/></style>", 3, 26, "<g> element inside <style>"),
        (
            "<defs>\n  <style>rect { fill: red }</style>\n  <style>\n@import url(//evil.example/x.css);</style></defs>",
            5,
            3,
            "@-rule",
        ),
    ],
)
def test_an_attack_inside_an_allowed_element_is_refused_where_it_is(body, line, column, message):
    [problem] = check_svg(drawing(body), PATH)
    assert (problem.line, problem.column) == (line, column)
    assert message in problem.message


WHOLE_FILES = [  # (file, line, what the message says)
    (OPEN.replace(">", ' onload="alert(1)">') + "</svg>", 1, "event handler 'onload' on <svg>"),
    ('<?xml-stylesheet href="//evil.example/x.css"?>\n' + OPEN + "</svg>", 1, "<?xml-stylesheet?>"),
    (
        '<?xml version="1.0"?>\n<!DOCTYPE svg [\n<!ENTITY x SYSTEM "file:///etc/passwd">\n]>\n' + OPEN + "&x;</svg>",
        2,
        "<!DOCTYPE>",
    ),
    ("<html><body><script>alert(1)</script></body></html>", 1, "does not start with an <svg> element"),
    ("<svg><script>alert(1)</script></svg>", 1, "does not start with an <svg> element"),
    ('<?xml version="1.0" encoding="ISO-8859-1"?>\n' + OPEN + "</svg>", 1, "'ISO-8859-1' character encoding"),
    ("\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", 1, "is not a valid SVG file: not well-formed"),
    ("", 1, "is not a valid SVG file: no element found"),
    (OPEN + "<rect>\n</svg>", 3, "is not a valid SVG file: mismatched tag"),
    (OPEN + "<rect fill='&x;'/></svg>", 2, "is not a valid SVG file: undefined entity"),
]


@pytest.mark.parametrize("text, line, message", WHOLE_FILES)
def test_files_that_are_not_plain_svg_are_refused(text, line, message):
    [problem] = check_svg(text.encode("latin-1"), PATH)
    assert problem.line == line
    assert message in problem.message


def test_an_entity_bomb_is_refused_at_once():
    entities = "".join(f'<!ENTITY e{n} "{f"&e{n - 1};" * 10}">\n' for n in range(1, 12))
    data = f'<?xml version="1.0"?>\n<!DOCTYPE svg [\n<!ENTITY e0 "ha">\n{entities}]>\n{OPEN}&e11;</svg>'.encode()
    started = time.process_time()  # CPU time: the work itself, whatever the machine's load
    [problem] = check_svg(data, PATH)
    assert time.process_time() - started < 0.2
    assert (problem.line, "<!DOCTYPE>" in problem.message) == (2, True)


def test_every_problem_in_a_file_is_reported_until_a_parse_error():
    data = drawing('<script>alert(1)</script>\n<rect onload="x"/>\n<use href="https://evil.example/"/>\n<rect></g>')
    problems = check_svg(data, PATH)
    assert [problem.line for problem in problems] == [3, 4, 5, 6]
    assert "mismatched tag" in problems[-1].message


def test_a_file_over_the_size_limit_is_refused_without_reading_it():
    padding = b"<!-- " + b"x" * MAX_BYTES + b" -->"
    [problem] = check_svg(drawing("") + padding, PATH)
    assert (problem.line, problem.column) == (1, 1)
    assert "at most 2 MB" in problem.message


def test_a_file_at_the_size_limit_is_checked():
    data = drawing("")
    data += b"<!--" + b"x" * (MAX_BYTES - len(data) - 7) + b"-->"
    assert len(data) == MAX_BYTES
    assert check_svg(data, PATH) == []


def test_the_report_stops_after_the_problem_limit():
    problems = check_svg(drawing('<rect onclick="x"/>\n' * 500), PATH)
    assert len(problems) == MAX_PROBLEMS + 1
    assert "checking stopped" in problems[-1].message


@pytest.mark.parametrize(
    "data",
    [drawing(body) for body, _ in ATTACKS]
    + [text.encode("latin-1") for text, _, _ in WHOLE_FILES]
    + [b"x" * (MAX_BYTES + 1)],
)
def test_every_problem_says_how_to_fix_it(data):
    problems = check_svg(data, PATH)
    assert problems
    assert all(problem.hint.strip() and problem.message.endswith(".") for problem in problems)
