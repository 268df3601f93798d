#!/usr/bin/env python3
"""make_docs.py — makes the test documents of tests/data/formats once, by hand
(the tests only read the results; nothing here runs in `make check`).

Needs python3-docx and LibreOffice (libreoffice-writer). Run from this folder:
    /usr/bin/python3 make_docs.py TEMPLATE.docx
TEMPLATE is the official empty 2021 template (国办公开办函〔2021〕30号).

pingtan2022.*: the figures of 平潭综合实验区 2022 (T3, T4 as read from the
published report; T2 from its run-together row and the narrative's 88 / 698)
typeset in the template, then converted as reports are published: .html
(LibreOffice), .gbk.html (GBK bytes labelled gb2312, a 〇 in the page),
.doc (LibreOffice, Word 97). kewei2024.docx: 上海市科学技术委员会 2024, its
四、结转 总计 left blank as the report has it. features.*: small hand-made
documents with what the template does not show; hidden.docx: hidden text.
document2.docx: pingtan2022 with its document part named as Word Online
names it. split_table.docx: a table split by hand, its header rows pasted
above the second part. frames.docx: layout tables of one cell a row around
the report's text and tables. placeholder.docx: content controls showing
their placeholder; kewei_placeholder.docx: kewei2024.docx with its blank
cell's paragraph in one. fields.docx: fields inside fields.
deleted_mark.docx: paragraph marks deleted with changes tracked.
unit_line.docx: a figure's unit on a line of its own in its cell.
alternate.docx: alternate content, its Choice or Fallback.
pictures.docx: a report whose tables are pasted as pictures. bad/: the hostile files — a damaged zip, a zip without
word/document.xml, one whose _rels/.rels names a part it lacks, a zip bomb,
bad XML, XML nested too deeply, an external entity, a page with no report."""
import json, os, shutil, subprocess, sys, tempfile, zipfile, zlib
from docx import Document
from docx.oxml.ns import qn
from docx.shared import Pt

T3_ROWS = ["new", "carried_in", "granted", "partial", "deny.secret", "deny.law", "deny.safety",
           "deny.third_party", "deny.internal", "deny.process", "deny.enforcement", "deny.query",
           "unable.none", "unable.create", "unable.unclear", "refuse.petition", "refuse.duplicate",
           "refuse.publication", "refuse.massive", "refuse.confirm", "other.no_correction",
           "other.no_fee", "other.other", "total", "carried_out"]
T3_COLS = ["natural", "commercial", "research", "social", "legal", "other", "total"]
T4 = [g + "." + c for g in ("review", "suit_direct", "suit_after")
      for c in ("upheld", "corrected", "other", "pending", "total")]
T2 = {  # table row, column, cell
    "t2.regulation.issued": (2, 1), "t2.regulation.repealed": (2, 2), "t2.regulation.in_force": (2, 3),
    "t2.normative.issued": (3, 1), "t2.normative.repealed": (3, 2), "t2.normative.in_force": (3, 3),
    "t2.licensing.decisions": (6, 1), "t2.penalty.decisions": (9, 1), "t2.coercion.decisions": (10, 1),
    "t2.fees.amount": (13, 1)}

REAL = "../../../../shared/corpus/real"


def fmt(v):
    return "" if v is None else ("%g" % v if isinstance(v, float) else str(v))


def set_cell(cell, text, split=False):
    p = cell.paragraphs[0]
    runs = p.runs
    if runs:
        runs[0].text = text
        for r in runs[1:]:
            r.text = ""
        return
    if not text:
        return
    parts = [text[:1], text[1:]] if split and len(text) > 1 else [text]
    for part in parts:  # a value in two runs, as editing often leaves it
        r = p.add_run(part)
        r.font.size = Pt(10)
        r._element.get_or_add_rPr().get_or_add_rFonts().set(qn("w:eastAsia"), "宋体")


def fill(template, out, title, paras, cells, signer, date, split_cell=None):
    d = Document(template)
    ps = d.paragraphs
    for p in ps:
        if p.text == "政府信息公开工作年度报告格式模板":
            p.runs[0].text = title
            for r in p.runs[1:]:
                r.text = ""
    desc = [p for p in ps if p.text.startswith("（文字描述")]
    for p, text in zip(desc, paras):
        p.runs[0].text = text
        for r in p.runs[1:]:
            r.text = ""
    t2, t3, t4 = d.tables
    for cid, (r, c) in T2.items():
        set_cell(t2.rows[r].cells[c], fmt(cells.get(cid)))
    for i, row in enumerate(T3_ROWS):
        for j, col in enumerate(T3_COLS):
            cid = "t3.%s.%s" % (row, col)
            set_cell(t3.rows[3 + i].cells[3 + j], fmt(cells.get(cid)), split=cid == split_cell)
    for j, cid in enumerate(T4):
        set_cell(t4.rows[3].cells[j], fmt(cells.get("t4." + cid)))
    for text in (signer, date):
        d.add_paragraph(text)
    d.save(out)


def soffice(src, fmt_, outdir):
    prof = tempfile.mkdtemp()
    subprocess.run(["soffice", "--headless", "--norestore", "-env:UserInstallation=file://" + prof,
                    "--convert-to", fmt_, "--outdir", outdir, src], check=True, capture_output=True)
    shutil.rmtree(prof, ignore_errors=True)


def expected(name, source, cells):
    with open(name, "w", encoding="utf-8") as f:
        json.dump({"source": source, "cells": dict(sorted(cells.items()))}, f, ensure_ascii=False, indent=1)
        f.write("\n")


def pingtan(template):
    cells = json.load(open(os.path.join(REAL, "006_pingtan_2022.expected.json")))["cells"]
    cells.update({"t2.regulation.issued": 0, "t2.regulation.repealed": 0, "t2.regulation.in_force": 0,
                  "t2.normative.issued": 88, "t2.normative.repealed": 55, "t2.normative.in_force": 698,
                  "t2.licensing.decisions": 10690, "t2.penalty.decisions": 2113, "t2.coercion.decisions": 0,
                  "t2.fees.amount": 9116.36})
    paras = [
        "2022年，平潭综合实验区坚持以习近平新时代中国特色社会主义思想为指导，认真执行《条例》相关规定，"
        "全区共主动公开政府信息14571条。全区收到政府信息公开申请75件，涉及自然人72件、商业企业3件，"
        "均在法定期限内予以答复。全区政府信息公开工作方面共有行政诉讼案件1件、行政复议案件2件，均已结案。",
        "一是重大行政决策预公开程度需进一步加强，意见征集形式较为单一。二是部分重点领域信息公开深度不足。",
        "2022年，无收取信息处理费情况。"]
    fill(template, "pingtan2022.docx", "平潭综合实验区2022年度政府信息公开工作年度报告", paras, cells,
         "平潭综合实验区管委会", "2023年2月20日", split_cell="t3.new.total")
    expected("pingtan2022.expected.json", "real/006_pingtan_2022 (T2 from its text)", cells)
    out = tempfile.mkdtemp()
    soffice("pingtan2022.docx", "html", out)
    shutil.copy(os.path.join(out, "pingtan2022.html"), "pingtan2022.html")
    soffice("pingtan2022.docx", "doc", out)
    shutil.copy(os.path.join(out, "pingtan2022.doc"), "pingtan2022.doc")
    shutil.rmtree(out)
    page = open("pingtan2022.html", encoding="utf-8").read()
    page = page.replace("charset=utf-8", "charset=gb2312")
    at = page.index(">", page.index("<body")) + 1
    page = page[:at] + '<div class="info">发布日期：二〇二三年二月二十日　来源：平潭综合实验区管委会办公室</div>\n' + page[at:]
    open("pingtan2022.gbk.html", "wb").write(page.encode("gbk"))


def kewei(template):
    cells = json.load(open(os.path.join(REAL, "003_shanghai_kewei_2024.expected.json")))["cells"]
    cells.update({"t2.regulation.issued": 0, "t2.regulation.repealed": 0, "t2.regulation.in_force": 0,
                  "t2.normative.issued": 13, "t2.normative.repealed": 0, "t2.normative.in_force": 55,
                  "t2.licensing.decisions": 97, "t2.penalty.decisions": 0, "t2.coercion.decisions": 0,
                  "t2.fees.amount": 0})
    paras = ["2024年，市科委收到政府信息公开申请34件，上年结转2件。",
             "一是政策解读的形式还需丰富。二是依申请公开答复的规范性还需加强。",
             "2024年，市科委未发生政府信息公开收费事项。"]
    fill(template, "kewei2024.docx", "2024年上海市科委政府信息公开工作年度报告", paras, cells,
         "上海市科学技术委员会", "2025年1月20日")
    expected("kewei2024.expected.json", "real/003_shanghai_kewei_2024 (T2 from its text)", cells)


W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" ' \
    'xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006"'
CT = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Types xmlns="http://schemas.openxmlformats.org/'
      'package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.'
      'relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/'
      'document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"'
      '/></Types>')
RELS = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.'
        'openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.'
        'openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>'
        '</Relationships>')


def tc(body, pr=""):
    return "<w:tc><w:tcPr>%s</w:tcPr>%s</w:tc>" % (pr, body)


def p(*runs):
    return "<w:p>%s</w:p>" % "".join(runs)


def r(text):
    return '<w:r><w:t xml:space="preserve">%s</w:t></w:r>' % text


def write_body(name, body):
    """A package of its own whose word/document.xml has body."""
    doc = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:document %s><w:body>%s<w:sectPr/>'
           '</w:body></w:document>' % (W, body))
    with zipfile.ZipFile(name, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("[Content_Types].xml", CT)
        z.writestr("_rels/.rels", RELS)
        z.writestr("word/document.xml", doc)


def features_docx():
    """Fields, breaks, tabs, revisions, alternate content, content controls;
    a table with gridBefore, gridSpan, vMerge and a value in two runs (the
    figures of 平潭 2022's T4, 行政复议)."""
    body = (
        p(r("平潭综合实验区2022年度政府信息公开工作年度报告")) +
        p(r("日期："), '<w:fldSimple w:instr=" DATE "><w:r><w:t>2023年2月20日</w:t></w:r></w:fldSimple>',
          r("，共"), '<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText> NUMPAGES </w:instrText></w:r>'
          '<w:r><w:fldChar w:fldCharType="separate"/></w:r>', r("3"), '<w:r><w:fldChar w:fldCharType="end"/></w:r>',
          r("页")) +
        p(r("行政复议"), "<w:r><w:tab/></w:r>", r("2件"), "<w:r><w:br/></w:r>", r("行政诉讼1件"),
          '<w:del w:id="1" w:author="x"><w:r><w:delText>删除</w:delText></w:r></w:del>',
          '<w:ins w:id="2" w:author="x">' + r("（均已结案）") + "</w:ins>",
          '<mc:AlternateContent><mc:Choice Requires="wps">' + r("甲") + "</mc:Choice><mc:Fallback>" + r("甲") +
          "</mc:Fallback></mc:AlternateContent>") +
        "<w:tbl><w:tblGrid><w:gridCol/><w:gridCol/><w:gridCol/><w:gridCol/></w:tblGrid>"
        '<w:tr><w:trPr><w:gridBefore w:val="1"/></w:trPr>' + tc(p(r("行政复议")), '<w:gridSpan w:val="3"/>') + "</w:tr>"
        "<w:tr>" + tc(p(r("四")), '<w:vMerge w:val="restart"/>') + tc(p(r("结果"), "<w:r><w:br/></w:r>", r("纠正"))) +
        tc(p(r("其他"), r("结果"))) + tc(p(r("总计"))) + "</w:tr>"
        "<w:tr>" + tc(p(), '<w:vMerge w:val="continue"/>') + tc(p(r("1"))) +
        "<w:sdt><w:sdtPr/><w:sdtContent>" + tc(p(r("1"))) + "</w:sdtContent></w:sdt>" + tc(p(r("2"))) + "</w:tr>"
        '<w:tr><w:trPr><w:gridBefore w:val="2"/></w:trPr>' + tc(p(r("合计")), '<w:gridSpan w:val="2"/>') + "</w:tr>"
        "</w:tbl>" + p(r("（完）")))
    write_body("features.docx", body)


def hidden_docx():
    """Hidden text (w:vanish), which Word neither shows nor prints: a hidden
    run in a paragraph, an old figure hidden before the new one, a cell with
    only a hidden figure, a vanish turned off, and a hidden paragraph mark
    (its text shown)."""
    hid = '<w:rPr><w:vanish/></w:rPr>'
    def hr(text, pr=hid):
        return '<w:r>%s<w:t xml:space="preserve">%s</w:t></w:r>' % (pr, text)
    body = (
        p(r("行政许可"), hr("（旧稿：4528件）"), r("4529件")) +
        '<w:p><w:pPr><w:rPr><w:vanish/></w:rPr></w:pPr>' + r("段落标记隐藏") + "</w:p>" +
        "<w:tbl><w:tblGrid><w:gridCol/><w:gridCol/><w:gridCol/></w:tblGrid>"
        "<w:tr>" + tc(p(r("行政许可"))) + tc(p(hr("4528"), r("4529"))) +
        tc(p(hr("0"))) + "</w:tr>"
        "<w:tr>" + tc(p(r("行政强制"))) + tc(p(hr("6", '<w:rPr><w:vanish w:val="0"/></w:rPr>'), r("5"))) +
        tc(p(hr("旧", '<w:rPr><w:b/><w:vanish w:val="true"/></w:rPr>'))) + "</w:tr>"
        "</w:tbl>" + p(r("（完）")))
    write_body("hidden.docx", body)


def split_table_docx():
    """A table split by hand at a page, its two header rows (the first cell
    two columns wide, merged down) pasted above the second part, whose first
    row's first cell is left a vMerge continue (of the column the header
    does not span alone)."""
    def head():
        return ("<w:tr>" + tc(p(r("项目")), '<w:gridSpan w:val="2"/><w:vMerge w:val="restart"/>') +
                tc(p(r("自然人")), '<w:vMerge w:val="restart"/>') + tc(p(r("法人")), '<w:vMerge w:val="restart"/>') +
                "</w:tr><w:tr>" + tc(p(), '<w:gridSpan w:val="2"/><w:vMerge/>') + tc(p(), "<w:vMerge/>") +
                tc(p(), "<w:vMerge/>") + "</w:tr>")
    def row(first, label, a, b):
        return "<w:tr>" + tc(p(r(first)) if first else p(), '<w:vMerge w:val="restart"/>' if first else "<w:vMerge/>") + \
            tc(p(r(label))) + tc(p(r(a))) + tc(p(r(b))) + "</w:tr>"
    grid = "<w:tblGrid>" + "<w:gridCol/>" * 4 + "</w:tblGrid>"
    body = (
        p(r("三、收到和处理政府信息公开申请情况")) +
        "<w:tbl>" + grid + head() + row("本年度办理结果", "（一）予以公开", "5", "6") +
        row("", "（二）部分公开", "7", "8") + "</w:tbl>" +
        p('<w:r><w:br w:type="page"/></w:r>') +
        "<w:tbl>" + grid + head() + row("", "（三）不予公开", "9", "10") + row("", "（四）无法提供", "11", "12") +
        "</w:tbl>" + p(r("（完）")))
    write_body("split_table.docx", body)


def frames_docx():
    """Frames: a one-cell table around paragraphs and a data table; a table
    of two one-cell rows, a heading and a one-cell table around a data
    table; and, not a frame, a row of two cells, one holding a table."""
    grid = "<w:tblGrid><w:gridCol/><w:gridCol/></w:tblGrid>"
    def table(*rows):
        return "<w:tbl>" + grid + "".join("<w:tr>" + "".join(tc(c) for c in row) + "</w:tr>" for row in rows) + \
            "</w:tbl>"
    data_a = table([p(r("行政许可")), p(r("4529"))], [p(r("行政处罚")), p(r("1100"))])
    data_b = table([p(r("维持")), p(r("纠正"))], [p(r("3")), p(r("1"))])
    data_c = table([p(r("甲")), p(r("乙"))])
    body = (
        p(r("某县2023年政府信息公开工作年度报告")) +
        table([p(r("一、总体情况")) + p(r("本年度共收到申请26件。")) + data_a + p(r("（表后说明）"))]) +
        table([p(r("四、行政复议情况"))], [table([data_b + p()])]) +
        table([p(r("左")), data_c + p()]) + p(r("（完）")))
    write_body("frames.docx", body)


def placeholder_docx():
    """Content controls of a template showing their placeholder (the grey
    prompt 单击此处输入文字。, nothing filled in): in a paragraph, in a cell's
    paragraph, around a cell's paragraph; a control filled in (its figure);
    a showingPlcHdr turned off."""
    def sdt(content, shown="<w:showingPlcHdr/>"):
        return ('<w:sdt><w:sdtPr><w:rPr><w:rStyle w:val="PlaceholderText"/></w:rPr><w:id w:val="-1"/>'
                '<w:placeholder><w:docPart w:val="DefaultPlaceholder_1082065158"/></w:placeholder>%s<w:text/>'
                '</w:sdtPr><w:sdtContent>%s</w:sdtContent></w:sdt>' % (shown, content))
    prompt = '<w:r><w:rPr><w:rStyle w:val="PlaceholderText"/></w:rPr><w:t>单击此处输入文字。</w:t></w:r>'
    body = (
        p(r("收费情况："), sdt(prompt)) +
        "<w:tbl><w:tblGrid>" + "<w:gridCol/>" * 5 + "</w:tblGrid><w:tr>" + tc(p(r("行政许可"))) +
        tc(p(sdt(prompt))) + tc(sdt(p(prompt))) + tc(p(sdt(r("12"), ""))) +
        tc(p(sdt(r("7"), '<w:showingPlcHdr w:val="0"/>'))) + "</w:tr></w:tbl>" + p(r("（完）")))
    write_body("placeholder.docx", body)
    with zipfile.ZipFile("kewei2024.docx") as src, \
            zipfile.ZipFile("kewei_placeholder.docx", "w", zipfile.ZIP_DEFLATED) as z:
        for name in src.namelist():
            data = src.read(name)
            if name == "word/document.xml":
                x = data.decode()
                t3_end = x.index("</w:tbl>", x.index("</w:tbl>") + 1)
                at = x.rindex("<w:tc>", 0, t3_end)  # 四、结转 总计, left blank
                pa = x.index("<w:p ", at)
                pe = x.index("</w:p>", pa) + len("</w:p>")
                data = (x[:pa] + sdt(x[pa:pe].replace("</w:pPr></w:p>", "</w:pPr>" + prompt + "</w:p>")) +
                        x[pe:]).encode()
            z.writestr(name, data)


def fields_docx():
    """Fields (w:fldChar) inside the code of others, whose results are not
    shown, only the outer field's: { = { SUM(LEFT) } + 1 } in a paragraph
    and in a cell; a field without a result; a field begun in deleted text
    (it is not in the document)."""
    def fc(kind):
        return '<w:r><w:fldChar w:fldCharType="%s"/></w:r>' % kind
    def code(text):
        return '<w:r><w:instrText xml:space="preserve">%s</w:instrText></w:r>' % text
    nested = (fc("begin") + code(" = ") + fc("begin") + code("SUM(LEFT)") + fc("separate") + r("217") + fc("end") +
              code(" + 1 ") + fc("separate") + r("218") + fc("end"))
    body = (
        p(r("合计"), nested, r("件")) +
        p(r("页码"), fc("begin"), code(" PAGE "), fc("end"), r("完")) +
        p('<w:del w:id="1" w:author="x">' + fc("begin") + "</w:del>", r("结转"), r("5")) +
        "<w:tbl><w:tblGrid><w:gridCol/><w:gridCol/></w:tblGrid><w:tr>" + tc(p(r("一、本年新收"))) +
        tc(p(nested)) + "</w:tr></w:tbl>" + p(r("（完）")))
    write_body("fields.docx", body)


def deleted_mark_docx():
    """Paragraph marks deleted with changes tracked (w:del in the mark's
    w:rPr): the paragraph goes on into the next, in the body and in a cell
    (a figure typed over two paragraphs, "45" and "29"); a mark moved away;
    a deleted mark before a table; a mark not deleted (w:del of a run)."""
    def gone(kind="del"):
        return '<w:pPr><w:rPr><w:%s w:id="1" w:author="x" w:date="2024-01-01T00:00:00Z"/></w:rPr></w:pPr>' % kind
    body = (
        "<w:p>" + gone() + r("一、总体") + "</w:p>" + p(r("情况")) +
        "<w:p>" + gone("moveFrom") + r("本年度") + "</w:p>" + p(r("收到申请26件。")) +
        "<w:p>" + gone() + r("表前") + "</w:p>" +
        "<w:tbl><w:tblGrid><w:gridCol/><w:gridCol/></w:tblGrid><w:tr>" + tc(p(r("行政许可"))) +
        tc("<w:p>" + gone() + r("45") + "</w:p>" + p(r("29"))) + "</w:tr><w:tr>" + tc(p(r("行政处罚"))) +
        tc(p(r("11"), '<w:del w:id="2" w:author="x"><w:r><w:delText>0</w:delText></w:r></w:del>') + p(r("件"))) +
        "</w:tr></w:tbl>" + p(r("（完）")))
    write_body("deleted_mark.docx", body)


def unit_line_docx():
    """A figure's unit on a line of its own in its cell, under the figure:
    after a break (in brackets, full-width and ASCII, and bare) and in a
    paragraph of its own; and a break inside a figure ("18651", ".06")."""
    br = "<w:r><w:br/></w:r>"
    cells = [p(r("18651.06"), br, r("（万元）")), p(r("18651.06"), br, r("(万元)")), p(r("217"), br, r("件")),
             p(r("18651.06")) + p(r("（万元）")), p(r("18651"), br, r(".06"))]
    body = (
        "<w:tbl><w:tblGrid>" + "<w:gridCol/>" * 6 + "</w:tblGrid><w:tr>" + tc(p(r("本年收费金额"))) +
        "".join(tc(c) for c in cells) + "</w:tr></w:tbl>" + p(r("（完）")))
    write_body("unit_line.docx", body)


def alternate_docx():
    """Alternate content (mc:AlternateContent) read as Word reads it: the
    first mc:Choice whose Requires names namespaces Word knows, else the
    mc:Fallback — a Choice of wps; an empty Choice of an undeclared prefix
    (w99) and of a namespace not Office's, the text in the Fallback; a
    second Choice taken after an unknown first; no Fallback; alternate
    content inside a Choice taken; and in a cell, the figure only in the
    Fallback."""
    ns = ('xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape" '
          'xmlns:w14="http://schemas.microsoft.com/office/word/2010/wordml" xmlns:x="urn:example:other"')
    def alt(*parts, decl=ns):
        return "<mc:AlternateContent %s>%s</mc:AlternateContent>" % (decl, "".join(
            '<mc:Choice Requires="%s">%s</mc:Choice>' % (q, c) if q else "<mc:Fallback>%s</mc:Fallback>" % c
            for q, c in parts))
    body = (
        p(r("一"), alt(("wps", r("甲")), ("", r("乙")))) +
        p(r("二"), alt(("w99", ""), ("", r("乙")))) +
        p(r("三"), alt(("x", r("丙")), ("", r("丁")))) +
        p(r("四"), alt(("x", r("戊")), ("w14 wps", r("己")), ("", r("庚")))) +
        p(r("五"), alt(("wps", r("辛"))), alt(("x", r("壬")))) +
        p(r("六"), alt(("wps", alt(("x", r("癸")), ("", r("子")))), ("", r("丑")))) +
        "<w:tbl><w:tblGrid><w:gridCol/><w:gridCol/></w:tblGrid><w:tr>" + tc(p(r("行政处罚"))) +
        tc(p(alt(("w99", ""), ("", r("1100"))))) + "</w:tr></w:tbl>" + p(r("（完）")))
    write_body("alternate.docx", body)


def pictures_docx():
    """A report whose tables are pasted as pictures: a DrawingML picture
    (w:drawing, pic:pic), a VML one (w:pict, v:imagedata), alternate content
    holding one picture as both (counted once), and a picture in a deleted
    run (not in the document: not counted)."""
    ns = ('xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing" '
          'xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" '
          'xmlns:pic="http://schemas.openxmlformats.org/drawingml/2006/picture" '
          'xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape" '
          'xmlns:v="urn:schemas-microsoft-com:vml"')
    drawing = ('<w:drawing %s><wp:inline><a:graphic><a:graphicData uri="http://schemas.openxmlformats.org/drawingml/'
               '2006/picture"><pic:pic><pic:blipFill><a:blip/></pic:blipFill></pic:pic></a:graphicData></a:graphic>'
               '</wp:inline></w:drawing>' % ns)
    pict = '<w:pict %s><v:shape><v:imagedata o:title=""/></v:shape></w:pict>' % ns.replace(
        'xmlns:v=', 'xmlns:o="urn:schemas-microsoft-com:office:office" xmlns:v=')
    alt = ('<mc:AlternateContent %s><mc:Choice Requires="wps"><w:r>%s</w:r></mc:Choice><mc:Fallback><w:r>%s</w:r>'
           '</mc:Fallback></mc:AlternateContent>' % (ns, drawing, pict))
    body = (
        p(r("某县2023年政府信息公开工作年度报告")) + p(r("二、主动公开政府信息情况")) +
        p("<w:r>%s</w:r>" % drawing) + p(r("三、收到和处理政府信息公开申请情况")) + p("<w:r>%s</w:r>" % pict) +
        p(r("四、政府信息公开行政复议、行政诉讼情况")) + p(alt) +
        p('<w:del w:id="1" w:author="x"><w:r>%s</w:r></w:del>' % drawing) + p(r("（完）")))
    write_body("pictures.docx", body)


def bad_xml_docx():
    """Document parts libxml2 refuses, each said as what it is: elements
    nested 300 deep (content controls inside one another), an external
    entity (a file of the machine, never read) and entities of its own."""
    def package(name, doc):
        with zipfile.ZipFile(name, "w", zipfile.ZIP_DEFLATED) as z:
            z.writestr("[Content_Types].xml", CT)
            z.writestr("word/document.xml", doc)
    nested = "<w:sdt><w:sdtContent>" * 150 + p(r("一、总体情况")) + "</w:sdtContent></w:sdt>" * 150
    package("bad/deep.docx", '<w:document %s><w:body>%s</w:body></w:document>' % (W, nested))
    package("bad/xxe.docx", '<?xml version="1.0"?><!DOCTYPE w:document [<!ENTITY x SYSTEM "file:///etc/passwd">]>'
            '<w:document %s><w:body>%s</w:body></w:document>' % (W, p(r("&x;"))))


FEATURES_HTML = """<!DOCTYPE html>
<html><head><meta charset="utf-8"><title>年报</title>
<style>td { border: 1px solid #000 } .x:before { content: "样式文字" }</style>
<script>var t = "<table><tr><td>脚本里的表格</td></tr></table>";</script></head>
<body><nav><a href="/">首页</a> <a href="/xxgk/">信息公开</a></nav>
<div class="breadcrumb">当前位置：首页 &gt; 政府信息公开年报</div>
<table width="100%" class="layout"><tr><td>
<h1>平潭综合实验区2022年度政府信息公开工作年度报告</h1>
<p>一、总体情况</p>
<p>2022年，全区收到政府信息公开申请75件，
均在法定期限内予以答复。</p>
<p>二、主动公开政府信息情况</p>
<table border="1"><tbody>
<tr><td rowspan="0">第二十条第（六）项</td><td>行政处罚</td><td>2113</td></tr>
<tr><td>行政强制</td><td>0</td></tr>
</tbody></table>
<p>四、政府信息公开行政复议、行政诉讼情况</p>
<table border="1"><caption>行政复议、行政诉讼</caption>
<thead><tr><th colspan="5">行政复议</th><th colspan="11">行政诉讼</th></tr>
<tr><th rowspan="2">结果维持</th><th rowspan="2">结果<br>纠正</th><th rowspan="2">其他结果</th><th rowspan="2">尚未审结</th>
<th rowspan="2" colspan="2">总计</th><th colspan="5">未经复议直接起诉</th><th colspan="5">复议后起诉</th></tr>
<tr><th>结果维持</th><th>结果纠正</th><th>其他结果</th><th>尚未审结</th><th>总计</th>
<th>结果维持</th><th>结果纠正</th><th>其他结果</th><th>尚未审结</th><th>总计</th></tr></thead>
<tbody><tr><td>0</td><td>1</td><td>1</td><td>0</td><td colspan="2">2</td><td>1</td><td>0</td><td>0</td><td>0</td>
<td>1</td><td>0</td><td>0</td><td>0</td><td>0</td><td>&nbsp;0&nbsp;</td></tr></tbody></table>
<p>六、其他需要报告的事项</p><p>2022年，无收取信息处理费情况。</p>
</td></tr></table>
<div class="footer">主办：平潭综合实验区管理委员会办公室</div>
<script>document.write("脚本文字");</script><noscript>请启用脚本</noscript>
</body></html>
"""

NOREPORT_HTML = """<!DOCTYPE html>
<html><head><meta charset="utf-8"><title>页面不存在</title><script>var a = 1;</script></head>
<body><nav><a href="/">首页</a><a href="/zwgk/">政务公开</a></nav>
<div class="main"><h1>404</h1><p>您访问的页面不存在或已被删除。</p><p><a href="/">返回首页</a></p></div>
<div class="footer">版权所有</div></body></html>
"""


def document2():
    """document2.docx: pingtan2022.docx as Word Online and SharePoint save a
    package, its document part word/document2.xml (named by _rels/.rels as
    "/word/document2.xml", its own rels renamed with it). bad/nomain.docx:
    a package whose _rels/.rels names word/document2.xml, which it lacks (it
    holds a word/document.xml)."""
    names = {"word/document.xml": "word/document2.xml",
             "word/_rels/document.xml.rels": "word/_rels/document2.xml.rels"}
    with zipfile.ZipFile("pingtan2022.docx") as src, \
            zipfile.ZipFile("document2.docx", "w", zipfile.ZIP_DEFLATED) as z:
        for name in src.namelist():
            data = src.read(name)
            if name == "_rels/.rels":
                data = data.replace(b'Target="word/document.xml"', b'Target="/word/document2.xml"')
            elif name == "[Content_Types].xml":
                data = data.replace(b'PartName="/word/document.xml"', b'PartName="/word/document2.xml"')
            z.writestr(names.get(name, name), data)
    with zipfile.ZipFile("bad/nomain.docx", "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("[Content_Types].xml", CT)
        z.writestr("_rels/.rels", RELS.replace('Target="word/document.xml"', 'Target="word/document2.xml"'))
        z.writestr("word/document.xml", '<w:document %s><w:body><w:p/></w:body></w:document>' % W)


def hostile():
    os.makedirs("bad", exist_ok=True)
    good = open("pingtan2022.docx", "rb").read()
    open("bad/corrupt.docx", "wb").write(good[:len(good) // 3] + b"\x00garbage" * 64)
    with zipfile.ZipFile("bad/nodoc.docx", "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("[Content_Types].xml", CT)
        z.writestr("word/styles.xml", "<w:styles %s/>" % W)
    with zipfile.ZipFile("bad/badxml.docx", "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("[Content_Types].xml", CT)
        z.writestr("word/document.xml", "<w:document %s><w:body><w:p><w:r><w:t>一、总体情况</w:p></w:body>" % W)
    # 40 MiB of document.xml in a file of some 40 KB: past the 32 MiB a part may inflate to
    big = ("<w:document %s><w:body><w:p><w:r><w:t>" % W) + " " * (40 << 20) + "</w:t></w:r></w:p></w:body></w:document>"
    with zipfile.ZipFile("bad/bomb.docx", "w", zipfile.ZIP_DEFLATED, compresslevel=9) as z:
        z.writestr("[Content_Types].xml", CT)
        z.writestr("word/document.xml", big)
    open("bad/noreport.html", "w", encoding="utf-8").write(NOREPORT_HTML)
    open("features.html", "w", encoding="utf-8").write(FEATURES_HTML)


if __name__ == "__main__":
    tpl = sys.argv[1] if len(sys.argv) > 1 else "../../../../shared/corpus/template_2021.docx"
    pingtan(tpl)
    kewei(tpl)
    features_docx()
    hidden_docx()
    split_table_docx()
    frames_docx()
    placeholder_docx()
    fields_docx()
    deleted_mark_docx()
    unit_line_docx()
    alternate_docx()
    pictures_docx()
    hostile()
    bad_xml_docx()
    document2()
