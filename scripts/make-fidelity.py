#!/usr/bin/python3
"""
The LibreOffice half of the fidelity workbooks (test/fixtures/fidelity/): opens the Chiang Mai plan in headless
LibreOffice, adds what a clerk's own workbook carries (print setup, protection, names, validation, conditional
formats, notes, rich text, a chart, a pivot table, a table, an image) and saves it as .xlsx through
LibreOffice's own export filter, so the files are what LibreOffice really writes.

Run by scripts/make-fidelity.ts (which adds the parts LibreOffice cannot write); by hand:
    /usr/bin/python3 scripts/make-fidelity.py <plan.xlsx> <image.png> <out-dir>
Needs python3-uno (Debian: apt-get install python3-uno) and the system python that has it.
"""
import os
import subprocess
import sys
import tempfile
import time

import uno
from com.sun.star.awt import Size
from com.sun.star.beans import PropertyValue
from com.sun.star.table import CellAddress, CellRangeAddress

PLAN = 'แผนปฏิบัติการ'
SUMMARY = 'สรุปงบประมาณ'
DATA = 'ข้อมูลโครงการ'
PIVOT = 'สรุปตามประเภทงบ'
BOLD = 150.0  # com.sun.star.awt.FontWeight.BOLD


def prop(name, value):
    p = PropertyValue()
    p.Name = name
    p.Value = value
    return p


def url(path):
    return uno.systemPathToFileUrl(os.path.abspath(path))


def connect(profile):
    """Starts a private headless LibreOffice and returns its desktop and the process."""
    pipe = f'plancheck-fidelity-{os.getpid()}'
    proc = subprocess.Popen([
        'soffice', f'-env:UserInstallation={url(profile)}', '--headless', '--invisible', '--norestore',
        '--nologo', '--nodefault', f'--accept=pipe,name={pipe};urp;StarOffice.ComponentContext',
    ], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    local = uno.getComponentContext()
    resolver = local.ServiceManager.createInstanceWithContext('com.sun.star.bridge.UnoUrlResolver', local)
    for _ in range(120):
        try:
            ctx = resolver.resolve(f'uno:pipe,name={pipe};urp;StarOffice.ComponentContext')
            return ctx, ctx.ServiceManager.createInstanceWithContext('com.sun.star.frame.Desktop', ctx), proc
        except Exception:  # noqa: BLE001 - not listening yet
            time.sleep(0.5)
    proc.kill()
    raise RuntimeError('LibreOffice did not start')


def rng(sheet_index, c0, r0, c1, r1):
    a = CellRangeAddress()
    a.Sheet, a.StartColumn, a.StartRow, a.EndColumn, a.EndRow = sheet_index, c0, r0, c1, r1
    return a


def addr(sheet_index, col, row):
    a = CellAddress()
    a.Sheet, a.Column, a.Row = sheet_index, col, row
    return a


def index_of(doc, name):
    return list(doc.Sheets.ElementNames).index(name)


def save(doc, path):
    doc.storeToURL(url(path), (prop('FilterName', 'Calc MS Excel 2007 XML'),))


def default_font(doc):
    """TH Sarabun New 16, the font of Thai government documents, as the workbook's default (Latin and Thai)."""
    style = doc.StyleFamilies.getByName('CellStyles').getByName('Default')
    for suffix in ('', 'Asian', 'Complex'):
        style.setPropertyValue(f'CharFontName{suffix}', 'TH Sarabun New')
        style.setPropertyValue(f'CharHeight{suffix}', 16.0)


def black(text):
    # Without a colour LibreOffice writes the header in white (&Kffffff).
    cursor = text.createTextCursor()
    cursor.gotoStart(False)
    cursor.gotoEnd(True)
    cursor.CharColor = 0


def print_setup(doc, sheet):
    """A4 landscape, one page wide, header and footer, the header rows repeated on every page."""
    page = doc.StyleFamilies.getByName('PageStyles').getByName(sheet.PageStyle)
    page.IsLandscape = True
    page.Width, page.Height = 29700, 21000
    page.ScaleToPagesX = 1
    page.ScaleToPagesY = 0
    page.HeaderIsOn = True
    page.FooterIsOn = True
    header = page.RightPageHeaderContent
    header.CenterText.setString('แผนปฏิบัติการป้องกันและปราบปรามการทุจริต จังหวัดเชียงใหม่')
    black(header.CenterText)
    page.RightPageHeaderContent = header
    footer = page.RightPageFooterContent
    footer.RightText.setString('หน้า ')
    cursor = footer.RightText.createTextCursor()
    cursor.gotoEnd(False)
    footer.RightText.insertTextContent(cursor, doc.createInstance('com.sun.star.text.TextField.PageNumber'), False)
    black(footer.RightText)
    page.RightPageFooterContent = footer
    sheet.setTitleRows(rng(index_of(doc, sheet.Name), 0, 1, 14, 2))
    sheet.setPrintTitleRows(True)


def rich_title(sheet, cell_name, bold_chars):
    """The cell's text stays; its first `bold_chars` characters become bold dark red: a rich-text string."""
    cell = sheet.getCellRangeByName(cell_name)
    text = cell.getText()
    cursor = text.createTextCursor()
    cursor.gotoStart(False)
    cursor.goRight(bold_chars, True)
    cursor.CharWeight = BOLD
    cursor.CharWeightComplex = BOLD
    cursor.CharColor = 0xC00000


def validation(sheet, ref, kind, formula, message):
    cells = sheet.getCellRangeByName(ref)
    v = cells.Validation
    v.Type = uno.Enum('com.sun.star.sheet.ValidationType', kind)
    if kind == 'DECIMAL':
        v.setOperator(uno.Enum('com.sun.star.sheet.ConditionOperator', 'GREATER_EQUAL'))
    v.setFormula1(formula)
    v.ShowErrorMessage = True
    v.ErrorMessage = message
    v.ShowInputMessage = True
    v.InputMessage = message
    cells.Validation = v


def user_style(doc, name, back, color):
    styles = doc.StyleFamilies.getByName('CellStyles')
    if not styles.hasByName(name):
        style = doc.createInstance('com.sun.star.style.CellStyle')
        styles.insertByName(name, style)
        style.CellBackColor = back
        style.CharColor = color


def conditional(sheet, ref, operator, formula, style):
    cells = sheet.getCellRangeByName(ref)
    cf = cells.ConditionalFormat
    cf.addNew((prop('Operator', uno.Enum('com.sun.star.sheet.ConditionOperator', operator)),
               prop('Formula1', formula), prop('StyleName', style)))
    cells.ConditionalFormat = cf


def note(sheet, index, col, row, text):
    sheet.Annotations.insertNew(addr(index, col, row), text)


def print_and_names(desktop, plan_path, out):
    """lo-print.xlsx: what a clerk sets up to print and protect a plan, and names the office's formulas use."""
    doc = desktop.loadComponentFromURL(url(plan_path), '_blank', 0, (prop('Hidden', True),))
    try:
        default_font(doc)
        plan = doc.Sheets.getByName(PLAN)
        summary = doc.Sheets.getByName(SUMMARY)
        p = index_of(doc, PLAN)
        print_setup(doc, plan)
        # Hidden: the long indicator column D and row 8; outline groups over the quarter columns and the
        # projects of indicator 1.2.
        plan.Columns.getByIndex(3).IsVisible = False
        plan.Rows.getByIndex(7).IsVisible = False
        plan.group(rng(p, 5, 0, 12, 0), uno.Enum('com.sun.star.table.TableOrientation', 'COLUMNS'))
        plan.group(rng(p, 0, 9, 0, 35), uno.Enum('com.sun.star.table.TableOrientation', 'ROWS'))
        # The office's names: a constant, a workbook range, and a name scoped to the plan sheet (LibreOffice
        # refuses Thai names: its check allows letters but not Thai vowel marks).
        doc.NamedRanges.addNewByName('InflationRate', '0.03', addr(p, 0, 0), 0)
        doc.NamedRanges.addNewByName('PlanBudget', f"$'{PLAN}'.$O$10:$O$51", addr(p, 0, 0), 0)
        plan.NamedRanges.addNewByName('Targets', f"$'{PLAN}'.$N$10:$N$51", addr(p, 0, 0), 0)
        # Validation and the user's own conditional formats on the budget columns the fix converts.
        validation(plan, 'O10:O51', 'DECIMAL', '0', 'งบประมาณต้องไม่ติดลบ')
        validation(plan, 'C10:C51', 'LIST', '"งบบูรณาการ";"งบของหน่วยงาน";"งบอื่น ๆ";"ไม่ใช้งบประมาณ"', 'เลือกประเภทของงบประมาณ')
        user_style(doc, 'งบสูง', 0xFCE4D6, 0x833C0B)
        user_style(doc, 'ไม่มีงบ', 0xEDEDED, 0x595959)
        conditional(plan, 'O10:O51', 'FORMULA', 'LEN(O10)>9', 'งบสูง')
        conditional(summary, 'C4:D18', 'FORMULA', 'ISNUMBER(SEARCH("ไม่ใช้";C4))', 'ไม่มีงบ')
        rich_title(plan, 'A1', 13)
        note(plan, p, 1, 9, 'ตรวจสอบชื่อโครงการกับสำนักงบประมาณแล้ว')
        note(summary, index_of(doc, SUMMARY), 1, 3, 'ยอดตามหนังสือแจ้งจัดสรร')
        summary.protect('plancheck')
        save(doc, out)
    finally:
        doc.close(True)


THAI_DIGITS = str.maketrans('๐๑๒๓๔๕๖๗๘๙', '0123456789')


def amount(text):
    """A budget cell's text as a number: Thai digits, commas and บาท; "-" and ไม่ใช้งบประมาณ are 0."""
    digits = text.translate(THAI_DIGITS).replace(',', '').replace('บาท', '').strip()
    try:
        return float(digits)
    except ValueError:
        return 0.0


def project_data(doc):
    """A sheet of the plan's projects with real numbers (row, type of budget, amount): the source that the
    office's pivot table, table and chart read, as clerks keep one beside the plan. No agency column: with one
    the engine would take the sheet for an agency summary."""
    plan = doc.Sheets.getByName(PLAN)
    doc.Sheets.insertNewByName(DATA, doc.Sheets.Count)
    data = doc.Sheets.getByName(DATA)
    rows = [('แถวในแผน', 'ประเภทของงบประมาณ', 'จำนวนเงิน')]
    for r in range(10, 52):
        kind = plan.getCellRangeByName(f'C{r}').String.strip()
        if kind:
            rows.append((float(r), kind, amount(plan.getCellRangeByName(f'O{r}').String)))
    data.getCellRangeByName(f'A1:C{len(rows)}').setDataArray(tuple(rows))
    total = len(rows) + 1
    data.getCellRangeByName(f'B{total}').String = 'รวมทั้งสิ้น'
    data.getCellRangeByName(f'C{total}').Formula = f'=SUBTOTAL(109;C2:C{len(rows)})'
    return data, len(rows)


def chart(sheet, source, at_cm):
    x, y = at_cm
    rect = uno.createUnoStruct('com.sun.star.awt.Rectangle')
    rect.X, rect.Y, rect.Width, rect.Height = x * 1000, y * 1000, 16000, 9000
    sheet.Charts.addNewByName('งบตามโครงการ', rect, (source,), True, True)


def pivot(doc, source):
    """A pivot table (with its cache) on its own sheet: budget by type of budget."""
    doc.Sheets.insertNewByName(PIVOT, doc.Sheets.Count)
    sheet = doc.Sheets.getByName(PIVOT)
    desc = sheet.DataPilotTables.createDataPilotDescriptor()
    desc.setSourceRange(source)
    fields = desc.DataPilotFields
    kind = fields.getByIndex(1)
    kind.Orientation = uno.Enum('com.sun.star.sheet.DataPilotFieldOrientation', 'ROW')
    money = fields.getByIndex(2)
    money.Orientation = uno.Enum('com.sun.star.sheet.DataPilotFieldOrientation', 'DATA')
    money.Function = uno.Enum('com.sun.star.sheet.GeneralFunction', 'SUM')
    sheet.DataPilotTables.insertNewByName('งบตามประเภท', addr(index_of(doc, PIVOT), 0, 0), desc)


def image(doc, ctx, sheet, path, cell):
    provider = ctx.ServiceManager.createInstanceWithContext('com.sun.star.graphic.GraphicProvider', ctx)
    shape = doc.createInstance('com.sun.star.drawing.GraphicObjectShape')
    shape.Graphic = provider.queryGraphic((prop('URL', url(path)),))
    sheet.DrawPage.add(shape)
    shape.setSize(Size(1700, 1700))
    shape.Anchor = sheet.getCellRangeByName(cell)
    shape.Name = 'ตราสำนักงาน'


def hyperlink(doc, sheet, cell, target, text):
    field = doc.createInstance('com.sun.star.text.TextField.URL')
    field.URL = target
    field.Representation = text
    c = sheet.getCellRangeByName(cell)
    c.getText().insertTextContent(c.getText().createTextCursor(), field, False)


def objects(ctx, desktop, plan_path, image_path, out):
    """lo-objects.xlsx: a chart, a pivot table with its cache, a table, an image and a link to a sheet."""
    doc = desktop.loadComponentFromURL(url(plan_path), '_blank', 0, (prop('Hidden', True),))
    try:
        _, rows = project_data(doc)
        d = index_of(doc, DATA)
        source = rng(d, 0, 0, 2, rows - 1)
        # A named database range with an autofilter: LibreOffice writes it as a table (ListObject).
        doc.DatabaseRanges.addNewByName('ตารางโครงการ', source)
        doc.DatabaseRanges.getByName('ตารางโครงการ').AutoFilter = True
        pivot(doc, source)
        summary = doc.Sheets.getByName(SUMMARY)
        chart(summary, rng(d, 1, 0, 2, rows - 1), (18, 1))
        image(doc, ctx, doc.Sheets.getByName(PLAN), image_path, 'P1')
        hyperlink(doc, summary, 'F2', f"#{PLAN}.A1", 'ไปที่แผนปฏิบัติการ')
        save(doc, out)
    finally:
        doc.close(True)


def main():
    plan_path, image_path, out_dir = sys.argv[1:4]
    os.makedirs(out_dir, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix='plancheck-fidelity-lo-') as profile:
        ctx, desktop, proc = connect(profile)
        try:
            print_and_names(desktop, plan_path, os.path.join(out_dir, 'lo-print.xlsx'))
            objects(ctx, desktop, plan_path, image_path, os.path.join(out_dir, 'lo-objects.xlsx'))
        finally:
            try:
                desktop.terminate()
            except Exception:  # noqa: BLE001 - the bridge drops as it quits
                pass
            proc.wait(timeout=60)


if __name__ == '__main__':
    main()
