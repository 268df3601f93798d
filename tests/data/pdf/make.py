#!/usr/bin/python3
# make.py — makes the PDF reader's test documents once (python-docx,
# LibreOffice and qpdf are needed here only, never by the build or the tests):
#   kewei-2024.pdf  the figures of real/003_shanghai_kewei_2024 typeset in the
#                   official 2021 template, T3's three header rows repeated on
#                   every page the table spans, page numbers in the footer;
#   unruled.pdf     T2's first sub-table with no borders at all;
#   scanned.pdf     a page of kewei-2024.pdf as a picture, with no text layer;
#   encrypted.pdf   a one-line document that opens only with a password;
#   turned.pdf      kewei-2024.pdf with page 2 shown turned a quarter
#                   clockwise, page 3 anticlockwise and page 4 upside down
#                   (qpdf --rotate: each page's /Rotate);
#   watermarked.pdf kewei-2024.pdf under a watermark on every page, half
#                   seen through as watermarking tools set it: an address and
#                   a date in grey at 30°, a site's name level in silver, and
#                   one line in dark grey that is the page's own (qpdf --overlay);
#   nounicode.pdf   kewei-2024.pdf with its fonts' ToUnicode maps taken out:
#                   the glyphs are drawn, but the text layer is gibberish;
#   pictured.pdf    kewei-2024.pdf's pages 1, 2 and 5 with scanned.pdf's
#                   picture of a page in place of its tables' pages 3 and 4;
#   silver.pdf      kewei-2024.pdf with its tables' rules in silver (0.75
#                   grey), as some templates draw them.
# Run from the repository root: python3 tests/data/pdf/make.py ../shared/corpus
# (with a CJK font installed, e.g. fonts-wqy-microhei, or the glyphs are drawn
# as boxes; the text layer is right either way).
import copy
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile

import docx
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.text.paragraph import Paragraph

OUT = os.path.dirname(os.path.abspath(__file__))
CORPUS = sys.argv[1] if len(sys.argv) > 1 else "../shared/corpus"

TITLE = "2024年上海市科委政府信息公开工作年度报告"
INTRO = ("根据《中华人民共和国政府信息公开条例》和《上海市政府信息公开规定》的要求，市科委编制了2024年度政务公开工作报告，"
         "报告全文包括总体情况、主动公开政府信息情况、收到和处理政府信息公开申请情况、政府信息公开行政复议和行政诉讼情况，"
         "存在的主要问题及改进情况以及其他需要报告的事项等六部分，并附相关指标统计表。本年度报告中所列数据的统计周期为"
         "2024年1月1日至12月31日。年度报告电子版可以通过市科委网站（https://stcsm.sh.gov.cn）下载。")
OVERALL = [
    "上海市科委2024年深入贯彻《政府信息公开条例》和《上海市政府信息公开规定》，认真落实市委、市政府关于政务公开工作的各项部署，"
    "紧密围绕国际科创中心建设等国家战略和市委、市政府重点工作任务，扎实推进本部门政务公开工作，不断提升政务服务水平，"
    "为科创中心建设和上海科技创新事业发展营造良好环境。2024年市科委有1件涉及政府信息公开工作的行政复议，"
    "该行政复议件未被复议审查机关纠错。涉及的行政诉讼数为0件。",
    "（一）工作机制保障",
    "市科委设立政务公开工作协调小组，统筹协调信息公开工作部门、法制部门、业务处室等共同协作推进和落实政务公开任务。"
    "市科委政府信息依申请公开工作已形成健全的接收申请、形式审查、会商答复意见、告知书复核、签发的一整套办理流程，"
    "保障政府信息公开申请答复工作便民、合规、合法。",
    "（二）主动公开情况",
    "市科委积极做好政府信息主动公开工作。截至2024年12月31日，市科委通过部门网站当年发布政府信息393件，其中包括："
    "行政规范性文件13件；规划计划文件2件；2024年度部门预算、2023年度部门决算以及2023年上海市科技计划资金分配结果信息；"
    "《上海市科委2024年度代表建议和政协提案办理工作总体情况》及主合办人大代表建议50件，主合办政协提案85件的办理复文。",
    "（三）依申请公开情况",
    "全年收到政府信息公开申请34件，上年结转政府信息公开申请2件，所有申请均已按要求办理完成。所有办结的信息公开申请中"
    "同意公开答复9件，部分公开答复0件，不予公开答复2件，无法提供的10件，不予处理0件，其他处理14件，"
    "转下一年度办理答复的有1件。",
    "（四）政府信息管理",
    "市科委及时发布本部门最新版本的政府信息公开指南并标注更新日期，加强公文公开属性审查和信息发布审查管理，"
    "根据要求动态调整权责清单和办事指南信息，将相关内容在门户网站同步更新，按照相关规定在门户网站进行公开。",
    "（五）政府信息公开平台建设",
    "“上海科技”网站全年累计发布信息2139条，其中动态类信息发布1744条，政务信息发布393条，解读类信息发布21条，"
    "回应公众关注热点信息2条。“上海科技”微信公众号共编发文章1640篇，其中原创文章294篇，微信公众号目前关注人数达1016823人。",
    "2024年，市科委根据市政府相关工作要求配合做好政策集中发布和阅办联动工作。其中，根据《关于进一步加强集成式发布政策归集工作的通知》要求，"
    "以科技企业关注度大、涉及面广的“营商环境”和“惠企政策”两大主题为重点，全面推进市科委科技类政策应归尽归。"
    "今年累计批量推送集成式发布政策121条，日常报送惠企政策83条。市科委5个高频事项（技术合同认定登记、高新技术企业认定、"
    "上海市科技创新券申领、实验动物使用许可、上海市高新技术成果转化项目认定）涉及到的相关政策文件均设置了“阅办联动”，"
    "并保证办理链接准确有效。",
]
PROBLEMS = [
    "（一）主要问题",
    "市科委2024年根据本市机构改革工作安排，内设机构和职能发生较大调整，原有部门网站政务公开栏目和政府信息公开目录结构"
    "无法满足机构改革后的市科委政务信息发布需要。",
    "（二）改进情况",
    "根据上述问题，市科委采取以下措施：一是开设“张江高新区”专栏，集中发布展示原市科创办相关政策和业务信息。"
    "二是根据市科委新的职能对政府信息公开目录进行调整。三是重新设计部门网站政务公开栏目。",
]
OTHER = ["2024年，市科委未发生政府信息公开收费事项。", "上海市科学技术委员会", "2025年1月20日"]

T3_ROWS = ["new", "carried_in", "granted", "partial", "deny.secret", "deny.law", "deny.safety",
           "deny.third_party", "deny.internal", "deny.process", "deny.enforcement", "deny.query",
           "unable.none", "unable.create", "unable.unclear", "refuse.petition", "refuse.duplicate",
           "refuse.publication", "refuse.massive", "refuse.confirm", "other.no_correction",
           "other.no_fee", "other.other", "total", "carried_out"]
T3_COLS = ["natural", "commercial", "research", "social", "legal", "other", "total"]
T4 = [g + "." + c for g in ("review", "suit_direct", "suit_after")
      for c in ("upheld", "corrected", "other", "pending", "total")]
# 003's T2, as its text gives it (its expected cells leave T2 out)
T2 = {(2, 1): "0", (2, 2): "0", (2, 3): "0", (3, 1): "13", (3, 2): "0", (3, 3): "55",
      (6, 1): "97", (9, 1): "0", (10, 1): "0", (13, 1): "0"}


def set_text(cell, text):
    for p in cell.paragraphs[1:]:
        p._p.getparent().remove(p._p)
    p = cell.paragraphs[0]
    for r in p.runs:
        r._r.getparent().remove(r._r)
    p.add_run(text)


def fmt(v):
    if v is None:
        return ""
    return str(int(v)) if float(v).is_integer() else str(v)


def repeat_header(table, nrows):
    for row in table.rows[:nrows]:
        trpr = row._tr.get_or_add_trPr()
        h = OxmlElement("w:tblHeader")
        trpr.append(h)


def tall_rows(table, first, twips):
    """Rows of at least this height, so that T3 cannot fit one page and breaks."""
    for row in table.rows[first:]:
        trpr = row._tr.get_or_add_trPr()
        h = OxmlElement("w:trHeight")
        h.set(qn("w:val"), str(twips))
        h.set(qn("w:hRule"), "atLeast")
        trpr.append(h)


def fill_paragraphs(doc):
    """The template's placeholders become the report's text."""
    paras = doc.paragraphs
    next(p for p in paras if p.text.endswith("格式模板")).text = TITLE
    heading1 = next(p for p in paras if p.text.startswith("一、"))
    heading1.insert_paragraph_before(INTRO)
    placeholders = [p for p in paras if p.text.startswith("（文字描述")]
    for p, texts in zip(placeholders, (OVERALL, PROBLEMS, OTHER)):
        p.text = texts[0]
        after = p
        for t in texts[1:]:
            el = copy.deepcopy(after._p)
            after._p.addnext(el)
            after = Paragraph(el, p._parent)
            after.text = t


def page_numbers(doc):
    """A footer "- N -" on every page, as reports have."""
    p = doc.sections[0].footer.paragraphs[0]
    p.alignment = 1
    p.add_run("- ")
    fld = OxmlElement("w:fldSimple")
    fld.set(qn("w:instr"), "PAGE")
    r = OxmlElement("w:r")
    t = OxmlElement("w:t")
    t.text = "1"
    r.append(t)
    fld.append(r)
    p._p.append(fld)
    p.add_run(" -")


def kewei(tmp):
    cells = json.load(open(os.path.join(CORPUS, "real/003_shanghai_kewei_2024.expected.json")))["cells"]
    doc = docx.Document(os.path.join(CORPUS, "template_2021.docx"))
    fill_paragraphs(doc)
    page_numbers(doc)
    t2, t3, t4 = doc.tables[:3]
    for (r, c), v in T2.items():
        set_text(t2.cell(r, c), v)
    for i, row in enumerate(T3_ROWS):
        for j, col in enumerate(T3_COLS):
            set_text(t3.cell(3 + i, 3 + j), fmt(cells["t3.%s.%s" % (row, col)]))
    tall_rows(t3, 3, 560)
    repeat_header(t3, 3)
    for j, k in enumerate(T4):
        set_text(t4.cell(3, j), fmt(cells["t4." + k]))
    path = os.path.join(tmp, "kewei-2024.docx")
    doc.save(path)
    return path


def unruled(tmp):
    doc = docx.Document()
    doc.add_paragraph("二、主动公开政府信息情况")
    rows = [["信息内容", "本年制发件数", "本年废止件数", "现行有效件数"],
            ["规章", "0", "0", "0"], ["行政规范性文件", "13", "0", "55"]]
    t = doc.add_table(rows=3, cols=4)
    for i, r in enumerate(rows):
        for j, v in enumerate(r):
            set_text(t.cell(i, j), v)
    doc.add_paragraph("三、收到和处理政府信息公开申请情况")
    path = os.path.join(tmp, "unruled.docx")
    doc.save(path)
    return path


def scanned(tmp):
    png = os.path.join(tmp, "page")
    subprocess.run(["pdftoppm", "-r", "40", "-gray", "-png", "-f", "1", "-l", "1", "-singlefile",
                    os.path.join(OUT, "kewei-2024.pdf"), png], check=True)
    doc = docx.Document()
    doc.add_picture(png + ".png", width=docx.shared.Cm(15))
    path = os.path.join(tmp, "scanned.docx")
    doc.save(path)
    return path


def encrypted(tmp):
    doc = docx.Document()
    doc.add_paragraph("2024年政府信息公开工作年度报告")
    path = os.path.join(tmp, "encrypted.docx")
    doc.save(path)
    return path


PASSWORD = ('pdf:writer_pdf_Export:{"EncryptFile":{"type":"boolean","value":"true"},'
            '"DocumentOpenPassword":{"type":"string","value":"nianbao"}}')


def to_pdf(docx_path, tmp, how="pdf"):
    subprocess.run(["soffice", "--headless", "--convert-to", how, "--outdir", tmp, docx_path],
                   check=True, stdout=subprocess.DEVNULL)
    name = os.path.splitext(os.path.basename(docx_path))[0] + ".pdf"
    shutil.copy(os.path.join(tmp, name), os.path.join(OUT, name))


def turned():
    subprocess.run(["qpdf", os.path.join(OUT, "kewei-2024.pdf"), "--rotate=+90:2", "--rotate=+270:3",
                    "--rotate=+180:4", os.path.join(OUT, "turned.pdf")], check=True)


def watermark_page(path):
    """A one-page PDF (A4) of text only, in Helvetica (one of PDF's own fonts)."""
    lines = ["/GS1 gs"]  # the watermark half transparent
    for i in range(4):
        for j in range(2):  # grey 0.6 at 30°: cos 30°, sin 30°
            lines.append("0.6 g BT /F1 28 Tf 0.866 0.5 -0.5 0.866 %d %d Tm (10.12.3.45 2024-05-01) Tj ET"
                         % (80 + 260 * j, 100 + 200 * i))
    lines.append("0.75 g BT /F1 40 Tf 1 0 0 1 60 420 Tm (WWW.GOV.CN 2024-12-31 1234) Tj ET")
    lines.append("/GS0 gs 0.35 g BT /F1 9 Tf 1 0 0 1 60 30 Tm (Printed 2025-01-06) Tj ET")
    stream = "\n".join(lines).encode()
    objs = [b"<< /Type /Catalog /Pages 2 0 R >>",
            b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595.3 841.9] /Contents 4 0 R"
            b" /Resources << /Font << /F1 5 0 R >> /ExtGState << /GS0 << /ca 1 >> /GS1 << /ca 0.5 >> >> >> >>",
            b"<< /Length %d >>\nstream\n" % len(stream) + stream + b"\nendstream",
            b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>"]
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for n, body in enumerate(objs, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % n + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objs) + 1)
    out += b"".join(b"%010d 00000 n \n" % o for o in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objs) + 1, xref)
    with open(path, "wb") as f:
        f.write(out)


def watermarked(tmp):
    mark = os.path.join(tmp, "mark.pdf")
    watermark_page(mark)
    subprocess.run(["qpdf", os.path.join(OUT, "kewei-2024.pdf"), "--overlay", mark, "--repeat=1", "--",
                    os.path.join(OUT, "watermarked.pdf")], check=True)


def kewei_edited(tmp, edit, name):
    """kewei-2024.pdf with edit(bytes) -> bytes applied to it uncompressed (qpdf's QDF form)."""
    qdf = os.path.join(tmp, "qdf.pdf")
    subprocess.run(["qpdf", "--qdf", "--object-streams=disable", os.path.join(OUT, "kewei-2024.pdf"), qdf], check=True)
    with open(qdf, "rb") as f:
        data = edit(f.read())
    with open(qdf, "wb") as f:
        f.write(data)
    fixed = os.path.join(tmp, "fixed.pdf")
    with open(fixed, "wb") as out:
        subprocess.run(["fix-qdf", qdf], check=True, stdout=out)
    subprocess.run(["qpdf", "--compress-streams=y", "--object-streams=generate", fixed,
                    os.path.join(OUT, name)], check=True)


def nounicode(tmp):
    kewei_edited(tmp, lambda data: re.sub(rb"/ToUnicode \d+ 0 R", b"", data), "nounicode.pdf")


def silver(tmp):
    kewei_edited(tmp, lambda data: re.sub(rb"(?m)^(q )?0 0 0 RG$", rb"\g<1>0.75 0.75 0.75 RG", data), "silver.pdf")


def pictured():
    subprocess.run(["qpdf", "--empty", "--pages", os.path.join(OUT, "kewei-2024.pdf"), "1-2,5",
                    os.path.join(OUT, "scanned.pdf"), "1", "--", os.path.join(OUT, "pictured.pdf")], check=True)


def main():
    tmp = tempfile.mkdtemp()
    try:
        to_pdf(kewei(tmp), tmp)
        to_pdf(unruled(tmp), tmp)
        to_pdf(scanned(tmp), tmp)
        to_pdf(encrypted(tmp), tmp, PASSWORD)
        turned()
        watermarked(tmp)
        nounicode(tmp)
        pictured()
        silver(tmp)
    finally:
        shutil.rmtree(tmp)


main()
