// The editor page (edit.html, its own bundle): township staff open the site's data, change
// figures, see problems next to the field as they type, undo and redo, keep the draft across a
// reload, read the change list, hand the snapshot over; bad files are refused with a message
// naming the file and the cause, the draft untouched. axe on the editor in every mode.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync, mkdtempSync, readdirSync, statSync, renameSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { launchBrowser, newPage, BASE_URL, ROOT, SITE, SNAPSHOT, expectNoAxeViolations } from './browser.mjs';

let browser;
before(async () => { browser = await launchBrowser(); });
after(async () => { await browser?.close(); });

const EDITOR = `${BASE_URL}edit.html`;
const CADRES = SNAPSHOT.indicators.findIndex((indicator) => indicator.id === 'cadres_trained');
const cadres = SNAPSHOT.indicators[CADRES];
const valueField = (index) => `#f-indicators-${index}-value`;

/** A new editor page whose every request is recorded (nothing may leave the site). */
async function openEditor(viewport = 'desktop', extra = {}) {
  const page = await newPage(browser, viewport, extra);
  page.requests = [];
  page.on('request', (request) => page.requests.push(request.url()));
  await page.goto(EDITOR);
  await page.locator(valueField(CADRES)).waitFor({ timeout: 20000 });
  return page;
}

function fieldOf(page, selector) {
  return page.locator('.field', { has: page.locator(selector) });
}

test('the reader links to the editor; the editor opens the site data under the strict CSP and sends nothing anywhere', async () => {
  const reader = await newPage(browser, 'desktop');
  await reader.goto(BASE_URL);
  assert.equal(await reader.locator('footer.site-footer a[href="edit.html"]').count(), 1);
  await reader.close();
  const page = await openEditor();
  assert.equal(await page.locator(valueField(CADRES)).inputValue(), String(cadres.value));
  assert.match(await page.locator('.nothing-sent').innerText(), /不会向任何地方发送数据/);
  assert.match(await page.locator('.check-summary').innerText(), /没有问题/);
  // Every figure of the snapshot has its value field, grouped under its programme.
  assert.equal(await page.locator('.figure-editor [id$="-value"]').count(), SNAPSHOT.indicators.length);
  assert.equal(await page.locator('details.programme').count(), SNAPSHOT.programmes.length);
  assert.deepEqual(page.requests.filter((url) => !url.startsWith(BASE_URL)), []);
  // The reader's bundle is not loaded by the editor, nor the editor's by the reader.
  assert.ok(!page.requests.some((url) => url.includes('fuguanzhuang-viewer')), page.requests.join('\n'));
  assert.deepEqual(await page.cspViolations(), []);
  assert.deepEqual(page.errors, []);
  await page.close();
});

test('a figure changed: warned against its quote, in the change list, undone and redone (buttons and keys)', async () => {
  const page = await openEditor();
  const value = page.locator(valueField(CADRES));
  await value.fill('250');
  const field = fieldOf(page, valueField(CADRES));
  // 250 is not in the quote: a warning next to the field, with the path for IT staff.
  await field.locator('.field-warning').waitFor();
  assert.match(await field.locator('.field-warning').innerText(), /找不到[\s\S]*indicators\[\d+\]\.value/);
  const changes = page.locator('.change-list .changes li');
  assert.equal(await changes.count(), 1);
  const line = await changes.first().innerText();
  assert.match(line, /^修改/);
  assert.ok(line.includes('238') && line.includes('250') && line.includes(`indicators[${cadres.id}]`), line);
  // Undo with the key (focus away from the field), then redo with the button.
  await page.locator('h1').click();
  await page.keyboard.press('Control+z');
  assert.equal(await value.inputValue(), '238');
  assert.match(await page.locator('.change-list').innerText(), /没有变更/);
  await page.locator('[data-action="redo"]').click();
  assert.equal(await value.inputValue(), '250');
  await page.keyboard.press('Control+z');
  await page.keyboard.press('Control+y');
  assert.equal(await value.inputValue(), '250');
  // Typing "2", "25", "250" was one step: one undo goes all the way back.
  await page.locator('[data-action="undo"]').click();
  assert.equal(await value.inputValue(), '238');
  assert.equal(await page.locator('[data-action="undo"]').isDisabled(), true);
  assert.deepEqual(page.errors, []);
  await page.close();
});

test('a value that is not a number: a Chinese problem at the field with its path, listed and linked; download waits', async () => {
  const page = await openEditor();
  const value = page.locator(valueField(CADRES));
  await value.fill('238余');
  const field = fieldOf(page, valueField(CADRES));
  const problem = field.locator('.field-problem');
  await problem.waitFor();
  assert.match(await problem.innerText(), /“238余”不是数字[\s\S]*indicators\[\d+\]\.value/);
  assert.equal(await value.getAttribute('aria-invalid'), 'true');
  const download = page.locator('[data-action="download-snapshot"]');
  assert.equal(await download.isDisabled(), true);
  assert.match(await download.innerText(), /先解决 1 个问题/);
  const link = page.locator(`.checks a[href="${valueField(CADRES)}"]`);
  assert.equal(await link.count(), 1);
  // The link takes the keyboard to the field.
  await link.focus();
  await page.keyboard.press('Enter');
  await page.waitForFunction((id) => location.hash === id, valueField(CADRES));
  // Mended: the problem goes, the draft holds the number.
  await value.fill('240');
  await problem.waitFor({ state: 'detached' });
  assert.equal(await download.isDisabled(), false);
  // The same problem in English.
  await value.fill('many');
  await page.locator('[data-action="language"]').click();
  assert.match(await field.locator('.field-problem').innerText(), /“many” is not a number/);
  assert.equal(await page.locator('html').getAttribute('lang'), 'en');
  assert.match(await page.locator('.field-label').first().innerText(), /Value/);
  await page.close();
});

test('the draft survives a reload; discarding it is undoable; leaving with changes asks first', async () => {
  const page = await openEditor();
  await page.locator(valueField(CADRES)).fill('260');
  await page.locator(valueField(CADRES)).blur();
  await page.reload();
  await page.locator(valueField(CADRES)).waitFor();
  assert.equal(await page.locator(valueField(CADRES)).inputValue(), '260');
  assert.match(await page.locator('.editor-notice').innerText(), /已恢复/);
  assert.equal(await page.locator('.change-list .changes li').count(), 1);
  await page.locator('[data-action="discard"]').click();
  assert.equal(await page.locator(valueField(CADRES)).inputValue(), '238');
  assert.match(await page.locator('.editor-notice').innerText(), /草稿已放弃/);
  await page.locator('[data-action="undo"]').click();
  assert.equal(await page.locator(valueField(CADRES)).inputValue(), '260');
  // Leaving asks first (the draft differs from the site's data and was not downloaded).
  const asked = new Promise((resolve) => page.once('dialog', async (dialog) => { resolve(dialog.type()); await dialog.accept(); }));
  await page.locator('h1').click();
  await page.close({ runBeforeUnload: true });
  assert.equal(await asked, 'beforeunload');
});

test('the snapshot handed over is the draft, and snapshot check accepts it', async () => {
  const page = await openEditor();
  await page.locator(valueField(CADRES)).fill('245');
  await page.locator(`#f-indicators-${CADRES}-quote`).fill(`对全镇57个行政村245名村“两委”干部`);
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.locator('[data-action="download-snapshot"]').click(),
  ]);
  assert.equal(download.suggestedFilename(), 'snapshot.json');
  const dir = mkdtempSync(join(tmpdir(), 'editor-'));
  const path = join(dir, 'snapshot.json');
  await download.saveAs(path);
  const handed = JSON.parse(readFileSync(path, 'utf8'));
  assert.equal(handed.indicators[CADRES].value, 245);
  assert.equal(handed.indicators[CADRES].quote, '对全镇57个行政村245名村“两委”干部');
  // Everything else as published: the change list of the snapshot tool says exactly these two.
  const diff = execFileSync('cargo', ['run', '--quiet', '--locked', '--bin', 'snapshot', '--', 'diff', '--lang', 'en', join(ROOT, 'data', 'snapshot.json'), path], { cwd: ROOT, encoding: 'utf8' });
  const changed = diff.split('\n').filter((line) => /^\s*(changed|added|removed) /.test(line));
  assert.equal(changed.length, 2, diff);
  assert.ok(changed.every((line) => line.trim().startsWith('changed') && line.includes(`indicators[${cadres.id}]`)), diff);
  const checked = execFileSync('cargo', ['run', '--quiet', '--locked', '--bin', 'snapshot', '--', 'check', '--lang', 'en', path], { cwd: ROOT, encoding: 'utf8' });
  assert.match(checked, /ok/);
  // The change list, downloaded for the person who signs off.
  const [list] = await Promise.all([
    page.waitForEvent('download'),
    page.locator('.change-list button', { hasText: '下载变更清单' }).click(),
  ]);
  const listPath = join(dir, 'changes.txt');
  await list.saveAs(listPath);
  const text = readFileSync(listPath, 'utf8');
  assert.match(text, /变更清单/);
  assert.match(text, /修改[^\n]*238[^\n]*245/);
  assert.match(text, /审核人签字/);
  await page.close();
});

test('bad files are refused naming the file and the cause; the draft is untouched and the page keeps working', async () => {
  const page = await openEditor();
  await page.locator(valueField(CADRES)).fill('251');
  const open = (name, buffer, mimeType = 'application/json') => page.setInputFiles('#open-file-input', { name, mimeType, buffer });
  await open('notes.txt', Buffer.from('这不是数据文件'), 'text/plain');
  const notice = page.locator('.editor-notice-error');
  await notice.waitFor();
  assert.match(await notice.innerText(), /无法打开 notes\.txt，草稿没有改动/);
  const wrongType = structuredClone(SNAPSHOT);
  wrongType.indicators[3].value = 'many';
  await open('wrong.json', Buffer.from(JSON.stringify(wrongType)));
  await page.locator('.editor-notice-error', { hasText: 'wrong.json' }).waitFor();
  assert.match(await notice.innerText(), /indicators\[3\]\.value/);
  // Over the size limit: refused before it is read.
  await open('huge.json', Buffer.alloc(33 * 1024 * 1024, 0x20));
  await page.locator('.editor-notice-error', { hasText: 'huge.json' }).waitFor();
  assert.match(await notice.innerText(), /上限为 33554432 字节/);
  assert.equal(await page.locator(valueField(CADRES)).inputValue(), '251');
  // Hostile text stays text: in a field, the checks and the change list.
  const hostile = '<img src=x onerror="window.__owned=1"><script>window.__owned=2</script>';
  await page.locator(`#f-indicators-${CADRES}-quote`).fill(hostile);
  assert.ok((await page.locator('.change-list').innerText()).includes('<img src=x'));
  assert.equal(await page.evaluate(() => window.__owned), undefined);
  // A file with problems of meaning opens, so they can be mended there.
  const invalid = structuredClone(SNAPSHOT);
  invalid.indicators[0].source = 'no-such-source';
  await open('needs-mending.json', Buffer.from(JSON.stringify(invalid)));
  await page.locator('.editor-notice', { hasText: 'needs-mending.json' }).waitFor();
  assert.match(await page.locator('.editor-notice').innerText(), /有 1 个问题/);
  assert.equal(await fieldOf(page, '#f-indicators-0-source').locator('.field-problem').count(), 1);
  // In English too.
  await page.locator('[data-action="language"]').click();
  await open('notes.txt', Buffer.from('not a snapshot'), 'text/plain');
  await page.locator('.editor-notice-error', { hasText: 'Could not open notes.txt' }).waitFor();
  assert.deepEqual(page.errors, []);
  await page.close();
});

test('printing the change list prints only it, with a line to sign', async () => {
  const page = await openEditor();
  await page.locator(valueField(CADRES)).fill('252');
  await page.emulateMedia({ media: 'print' });
  await page.evaluate(() => document.documentElement.classList.add('printing-changes'));
  assert.equal(await page.locator('.change-list').isVisible(), true);
  assert.equal(await page.locator('.sign-off').isVisible(), true);
  assert.equal(await page.locator('.figure-editor').first().isVisible(), false);
  assert.equal(await page.locator('.editor-toolbar').isVisible(), false);
  await page.close();
});


for (const viewport of ['mobile', 'desktop']) {
  for (const mode of ['normal', 'dark', 'large']) {
    test(`axe finds no violations on the editor: ${mode}, ${viewport}`, async () => {
      const page = await openEditor(viewport, { bypassCSP: true, colorScheme: mode === 'dark' ? 'dark' : 'light' });
      if (mode === 'large') await page.locator('[data-action="large"]').click();
      // With a problem and a warning showing, and the change list filled.
      await page.locator(valueField(CADRES)).fill('x');
      await page.locator(valueField(CADRES + 1)).fill('9999');
      await fieldOf(page, valueField(CADRES)).locator('.field-problem').waitFor();
      await expectNoAxeViolations(page, `${mode} ${viewport} editor`);
      await page.close();
    });
  }
}

// Python's csv module edits the spreadsheet (not the project's code): three figures changed,
// a new period's row added; written back in `encoding` (utf-8-sig as Excel's "CSV UTF-8", or
// gbk as Chinese Excel's plain "CSV").
const EDIT_SPREADSHEET = `
import csv, io, sys
source, target, encoding, bad = sys.argv[1:5]
rows = list(csv.reader(io.open(source, encoding='utf-8-sig', newline='')))
header, body = rows[0], rows[1:]
col = {name: i for i, name in enumerate(header)}
changes = {'cadres_trained': '250', 'admin_villages': '58', 'trees_planted': '14000'}
for row in body:
    if row[col['指标代码']] in changes:
        row[col['数值']] = changes[row[col['指标代码']]]
new = next(row for row in body if row[col['指标代码']] == 'trees_planted')[:]
new[col['期间']] = '2022'
new[col['数值']] = '16000'
new[col['限定']] = '精确'
body.append(new)
if bad == '1':
    broken = next(row for row in body if row[col['指标代码']] == 'volunteers_recruited')
    broken[col['数值']] = '很多'
# (Excel writes '?' for what GBK cannot hold, such as the ² of m².)
with io.open(target, 'w', encoding=encoding, errors='replace', newline='') as out:
    writer = csv.writer(out, lineterminator='\\r\\n')
    writer.writerow(header)
    writer.writerows(body)
`;

for (const encoding of ['utf-8-sig', 'gbk']) {
  test(`a spreadsheet round trip (${encoding === 'gbk' ? 'GBK' : 'UTF-8'} CSV): download, edit elsewhere, drop in, asked about changed figures, exactly those changes; a bad cell named by file, line and column`, async () => {
    const page = await openEditor();
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.locator('[data-action="download-indicators-csv"]').click(),
    ]);
    assert.equal(download.suggestedFilename(), '指标.csv');
    const dir = mkdtempSync(join(tmpdir(), 'editor-csv-'));
    const exported = join(dir, 'exported.csv');
    await download.saveAs(exported);
    const edited = join(dir, '指标.csv');
    const broken = join(dir, '指标-有误.csv');
    execFileSync('python3', ['-c', EDIT_SPREADSHEET, exported, edited, encoding, '0']);
    execFileSync('python3', ['-c', EDIT_SPREADSHEET, exported, broken, encoding, '1']);
    // The bad one first: refused, naming the file, the line and the column; the draft untouched.
    await page.setInputFiles('#open-file-input', broken);
    const refusal = page.locator('.editor-notice-error', { hasText: '指标-有误.csv' });
    await refusal.waitFor();
    const volunteersLine = 2 + SNAPSHOT.indicators.slice(0, SNAPSHOT.indicators.findIndex((i) => i.id === 'volunteers_recruited'))
      .reduce((rows, indicator) => rows + 1 + (indicator.series?.length ?? 0), 0);
    assert.match(await refusal.innerText(), new RegExp(`指标-有误\\.csv:${volunteersLine}:7[^\\n]*很多`));
    assert.match(await page.locator('.change-list').innerText(), /没有变更/);
    // The good one: the changed figures are listed and asked about.
    await page.setInputFiles('#open-file-input', edited);
    const asked = page.locator('.editor-notice', { hasText: '修改了 3 个已有的数字' });
    await asked.waitFor();
    assert.match(await asked.innerText(), /cadres_trained/);
    assert.match(await page.locator('.change-list').innerText(), /没有变更/);
    await page.locator('[data-action="take-spreadsheet"]').click();
    await page.locator('.editor-notice', { hasText: /已导入 指标\.csv（(UTF-8|GB18030)）：与导入前相比 4 处变更/ }).waitFor();
    const lines = await page.locator('.change-list .changes li').allInnerTexts();
    assert.equal(lines.length, 4, lines.join('\n'));
    for (const [id, from, to] of [['cadres_trained', '238', '250'], ['admin_villages', '57', '58'], ['trees_planted', '1.3', '1.4']]) {
      assert.ok(lines.some((line) => line.startsWith('修改') && line.includes(`indicators[${id}]`) && line.includes(from) && line.includes(to)), `${id}: ${lines.join('\n')}`);
    }
    assert.ok(lines.some((line) => line.startsWith('新增') && line.includes('indicators[trees_planted].series[2022]')), lines.join('\n'));
    assert.equal(await page.locator(valueField(CADRES)).inputValue(), '250');
    // The phone preview, then the site folder made in the browser and served: the spreadsheet's figures.
    await page.locator('[data-action="preview"]').click();
    await page.frameLocator('.preview-frame-phone').locator('main').getByText('250').first().waitFor({ timeout: 20000 });
    await expectServedFolderShows(await makeSiteFolder(page), ['250']);
    // One step: undo takes the whole spreadsheet back.
    await page.locator('[data-action="undo"]').click();
    assert.equal(await page.locator(valueField(CADRES)).inputValue(), '238');
    assert.deepEqual(page.errors, []);
    await page.close();
  });
}

/** Drops the file at `path` onto the editor page, as a person drags it from the desktop. */
async function dropFile(page, path, name, type) {
  const bytes = [...readFileSync(path)];
  const transfer = await page.evaluateHandle(([data, fileName, fileType]) => {
    const transferred = new DataTransfer();
    transferred.items.add(new File([new Uint8Array(data)], fileName, { type: fileType }));
    return transferred;
  }, [bytes, name, type]);
  await page.dispatchEvent('.editor', 'dragover', { dataTransfer: transfer });
  await page.dispatchEvent('.editor', 'drop', { dataTransfer: transfer });
}

/** The sheet 指标's rows as { id → [row numbers] }, and its header as { name → column }. */
function sheetIndex(sheet) {
  const header = {};
  sheet.getRow(1).eachCell((cell, column) => { header[cell.value] = column; });
  const rows = {};
  sheet.eachRow((row, number) => {
    if (number > 1) (rows[row.getCell(header['指标代码']).value] ??= []).push(number);
  });
  return { header, rows };
}

test('the Excel round trip, as township staff would do it: download the workbook, change three figures and add a period in another spreadsheet program, a bad cell named by sheet, row and column, drop it in, asked, exactly those changes, fix one in the page, the phone preview shows them', async () => {
  const page = await openEditor('desktop');
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.locator('[data-action="download-xlsx"]').click(),
  ]);
  assert.equal(download.suggestedFilename(), '指标与各村数值.xlsx');
  const dir = mkdtempSync(join(tmpdir(), 'editor-xlsx-'));
  const exported = join(dir, 'exported.xlsx');
  await download.saveAs(exported);

  // Read by a spreadsheet library that is not the project's (exceljs).
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(exported);
  assert.deepEqual(workbook.worksheets.map((sheet) => sheet.name), ['指标', '各村数值']);
  const figures = workbook.getWorksheet('指标');
  const { header, rows } = sheetIndex(figures);
  assert.deepEqual(Object.keys(header), ['指标代码', '工作', '名称', '英文名称', '单位', '英文单位', '数值', '限定', '类型', '期间', '来源', '原文', '说明', '英文说明', '整体指标']);
  assert.deepEqual(workbook.getWorksheet('各村数值').getRow(1).values.slice(1), ['指标代码', '村', '数值', '限定']);
  for (const indicator of SNAPSHOT.indicators) {
    const row = figures.getRow(rows[indicator.id][0]);
    assert.equal(row.getCell(header['数值']).value ?? null, indicator.value ?? null, indicator.id);
    assert.equal(row.getCell(header['期间']).value, indicator.period, indicator.id);
    assert.equal(row.getCell(header['原文']).value, indicator.quote, indicator.id);
  }
  const qualifierCell = figures.getRow(2).getCell(header['限定']);
  assert.equal(qualifierCell.dataValidation?.type, 'list');
  assert.match(qualifierCell.dataValidation.formulae[0], /精确,至少,约,至多,原文未给数字/);
  assert.match(figures.getRow(2).getCell(header['类型']).dataValidation.formulae[0], /计数,度量/);

  // Three figures changed and a new period's row added, with that library.
  const changes = { cadres_trained: 250, admin_villages: 58, trees_planted: 14000 };
  for (const [id, value] of Object.entries(changes)) figures.getRow(rows[id][0]).getCell(header['数值']).value = value;
  const trees = figures.getRow(rows.trees_planted[0]).values.slice(1);
  trees[header['期间'] - 1] = '2022';
  trees[header['数值'] - 1] = 16000;
  trees[header['限定'] - 1] = '精确';
  figures.addRow(trees);
  const edited = join(dir, '指标与各村数值.xlsx');
  await workbook.xlsx.writeFile(edited);
  // And a copy with text in 数值.
  const volunteersRow = rows.volunteers_recruited[0];
  figures.getRow(volunteersRow).getCell(header['数值']).value = '很多';
  const broken = join(dir, '有误.xlsx');
  await workbook.xlsx.writeFile(broken);

  // The bad one: refused in Chinese, naming the file, sheet, row and column; nothing changed.
  await page.setInputFiles('#open-file-input', broken);
  const refusal = page.locator('.editor-notice-error', { hasText: '有误.xlsx' });
  await refusal.waitFor();
  assert.match(await refusal.innerText(), new RegExp(`有误\\.xlsx 工作表「指标」第 ${volunteersRow} 行 G 列: 数值："很多" 不是数字`));
  assert.match(await page.locator('.change-list').innerText(), /没有变更/);

  // The good one, dropped onto the page: the changed figures are listed and asked about, then taken.
  await dropFile(page, edited, '指标与各村数值.xlsx', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
  const asked = page.locator('.editor-notice', { hasText: '修改了 3 个已有的数字' });
  await asked.waitFor();
  assert.match(await page.locator('.change-list').innerText(), /没有变更/);
  await page.locator('[data-action="take-spreadsheet"]').click();
  await page.locator('.editor-notice', { hasText: /已导入 指标与各村数值\.xlsx（Excel \(\.xlsx\)）：与导入前相比 4 处变更/ }).waitFor();
  let lines = await page.locator('.change-list .changes li').allInnerTexts();
  assert.equal(lines.length, 4, lines.join('\n'));
  for (const [id, from, to] of [['cadres_trained', '238', '250'], ['admin_villages', '57', '58'], ['trees_planted', '1.3', '1.4']]) {
    assert.ok(lines.some((line) => line.startsWith('修改') && line.includes(`indicators[${id}]`) && line.includes(from) && line.includes(to)), `${id}: ${lines.join('\n')}`);
  }
  assert.ok(lines.some((line) => line.startsWith('新增') && line.includes('indicators[trees_planted].series[2022]')), lines.join('\n'));

  // The figure the bad file had wrong, fixed in the page instead.
  const volunteers = SNAPSHOT.indicators.findIndex((indicator) => indicator.id === 'volunteers_recruited');
  const fixed = String((SNAPSHOT.indicators[volunteers].value ?? 0) + 1);
  await page.locator(valueField(volunteers)).fill(fixed);
  lines = await page.locator('.change-list .changes li').allInnerTexts();
  assert.equal(lines.length, 5, lines.join('\n'));

  // The phone preview shows the new figures.
  await page.locator('[data-action="preview"]').click();
  const phone = page.frameLocator('.preview-frame-phone');
  await phone.locator('.draft-preview-banner').waitFor({ timeout: 20000 });
  await phone.locator('main').getByText('250').first().waitFor({ timeout: 20000 });
  await phone.locator('main').getByText(fixed).first().waitFor({ timeout: 20000 });
  // The site folder, made in the browser, served as the county site would: the new figures.
  const folder = await makeSiteFolder(page);
  await expectServedFolderShows(folder, ['250', fixed]);
  assert.deepEqual(page.errors, []);
  assert.deepEqual(page.requests.filter((url) => !url.startsWith(BASE_URL) && !url.startsWith('blob:')), []);
  await page.close();
});

test('bad workbooks are refused with their cause, in both languages, the draft untouched: a zip bomb, a million rows, an old .xls, a picture', async () => {
  const page = await openEditor('desktop');
  await page.locator(valueField(CADRES)).fill('250');
  const dir = mkdtempSync(join(tmpdir(), 'editor-bad-'));
  // Made by python's zipfile (not the project's code): a workbook part that unpacks to 80 MB
  // of spaces, and a sheet of a million rows.
  const MAKE = `
import sys, zipfile
kind, target = sys.argv[1:3]
with zipfile.ZipFile(target, 'w', zipfile.ZIP_DEFLATED) as z:
    z.writestr('[Content_Types].xml', '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>')
    z.writestr('_rels/.rels', '<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>')
    z.writestr('xl/workbook.xml', '<?xml version="1.0"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="指标" sheetId="1" r:id="rId1"/></sheets></workbook>')
    z.writestr('xl/_rels/workbook.xml.rels', '<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>')
    if kind == 'bomb':
        z.writestr('xl/worksheets/sheet1.xml', ' ' * (80 << 20))
    else:
        rows = ''.join('<row r="%d"><c r="A%d"><v>%d</v></c></row>' % (r, r, r) for r in range(2, 1000002))
        z.writestr('xl/worksheets/sheet1.xml', '<?xml version="1.0"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>指标代码</t></is></c></row>' + rows + '</sheetData></worksheet>')
`;
  const bomb = join(dir, '炸弹.xlsx');
  const million = join(dir, '百万行.xlsx');
  execFileSync('python3', ['-c', MAKE, 'bomb', bomb]);
  execFileSync('python3', ['-c', MAKE, 'million', million]);
  const xls = join(dir, '旧表.xls');
  writeFileSync(xls, Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0, 0, 0]));
  const picture = join(dir, '照片.xlsx');
  writeFileSync(picture, Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d]));
  const cases = [
    [bomb, '炸弹.xlsx', /解压后超过上限[\s\S]*压缩炸弹/, /unpacks to more than the limits[\s\S]*zip bomb/],
    [million, '百万行.xlsx', /工作表「指标」: 行数超过上限 100000 行/, /sheet 指标: more than 100000 rows/],
    [xls, '旧表.xls', /旧版 Excel 文件（\.xls）/, /old Excel file \(\.xls\)/],
    [picture, '照片.xlsx', /不是表格文件/, /not a spreadsheet/],
  ];
  for (const [language, index] of [['zh', 2], ['en', 3]]) {
    if (language === 'en') await page.locator('[data-action="language"]').click();
    for (const testCase of cases) {
      const [file, name] = testCase;
      await page.setInputFiles('#open-file-input', file);
      const refusal = page.locator('.editor-notice-error', { hasText: name });
      await refusal.waitFor({ timeout: 30000 });
      assert.match(await refusal.innerText(), testCase[index], `${language} ${name}`);
      // The draft untouched, the page still working.
      assert.equal(await page.locator(valueField(CADRES)).inputValue(), '250');
    }
  }
  assert.equal(await page.locator('.change-list .changes li').count(), 1);
  assert.deepEqual(page.errors, []);
  await page.close();
});

/** Makes the site folder from the editor page (the worker), unpacks the .zip; gives its folder. */
async function makeSiteFolder(page) {
  const downloaded = page.waitForEvent('download', { timeout: 240000 });
  const make = page.locator('[data-action="make-site-folder"]');
  await make.scrollIntoViewIfNeeded();
  await make.click();
  const download = await downloaded;
  await page.locator('.site-folder-progress', { hasText: '发布文件夹已生成' }).waitFor();
  const dir = mkdtempSync(join(tmpdir(), 'editor-folder-'));
  const zip = join(dir, 'site.zip');
  await download.saveAs(zip);
  const made = join(dir, 'made');
  execFileSync('python3', ['-c', 'import sys, zipfile; zipfile.ZipFile(sys.argv[1]).extractall(sys.argv[2])', zip, made]);
  return made;
}

/** Serves `folder` with the shipped nginx config and checks the report shows every one of
 * `texts` in its main part, with WebAssembly and with it removed (the pre-rendered page). */
async function expectServedFolderShows(folder, texts) {
  const port = 20000 + Math.floor(Math.random() * 20000);
  const server = execFileSync('scripts/nginx.sh', [String(port)], { cwd: ROOT, env: { ...process.env, DIST: folder }, encoding: 'utf8' }).trim();
  try {
    for (const withWasm of [true, false]) {
      const reader = await newPage(browser, 'mobile');
      if (!withWasm) await reader.addInitScript(() => { delete globalThis.WebAssembly; });
      for (let attempt = 0; attempt < 50; attempt++) {
        try { await reader.goto(`http://127.0.0.1:${port}/`); break; } catch { await reader.waitForTimeout(100); }
      }
      await reader.locator('main h1.township-name').waitFor({ timeout: 20000 });
      if (withWasm) await reader.locator('main .report[data-complete="true"]').waitFor({ timeout: 20000 });
      else assert.ok(await reader.locator('#enhancement-note').isVisible());
      for (const text of texts) {
        assert.ok(await reader.locator('main').getByText(text).first().isVisible(), `${text} shown (${withWasm ? 'with' : 'without'} WebAssembly)`);
      }
      assert.deepEqual(reader.errors, []);
      await reader.close();
    }
  } finally {
    execFileSync('kill', [server]);
  }
}

/** Every file under `dir`, as paths relative to it. */
function filesUnder(dir) {
  return readdirSync(dir).flatMap((entry) => {
    const path = join(dir, entry);
    return statSync(path).isDirectory() ? filesUnder(path).map((inner) => join(entry, inner)) : [entry];
  }).sort();
}

test('the site folder made in the browser is what `snapshot publish` writes for the same snapshot, file by file; unpacked and served by the shipped nginx config it shows the new figure with and without WebAssembly', async () => {
  const page = await openEditor('desktop');
  await page.locator(valueField(CADRES)).fill('261');
  // Hostile text stays text in the pages made.
  const hostile = '<script>alert("x")</script><img src=x onerror=alert(1)>干部培训';
  await page.locator('.figure-editor', { has: page.locator(valueField(CADRES)) }).locator('details.figure-more > summary').click();
  await page.locator(`#f-indicators-${CADRES}-label-zh`).fill(hostile);
  const started = Date.now();
  const downloaded = page.waitForEvent('download', { timeout: 240000 });
  await page.locator('[data-action="make-site-folder"]').click();
  // While the worker makes it, the page shows how far it is and stays usable.
  await page.locator('.site-folder-progress', { hasText: '正在生成发布文件夹' }).waitFor();
  const large = page.locator('[data-action="large"]');
  const asked = Date.now();
  await large.click();
  assert.equal(await large.getAttribute('aria-pressed'), 'true');
  await large.click();
  assert.ok(Date.now() - asked < 2000, `the page answered in ${Date.now() - asked} ms while the folder was being made`);
  assert.ok(await page.locator('.site-folder-progress', { hasText: '正在生成发布文件夹' }).isVisible(), 'still working when the page answered');
  const download = await downloaded;
  await page.locator('.site-folder-progress', { hasText: '发布文件夹已生成' }).waitFor();
  console.log(`# the site folder made in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  assert.equal(download.suggestedFilename(), '富官庄镇报告-发布文件夹.zip');
  const dir = mkdtempSync(join(tmpdir(), 'editor-folder-'));
  const zip = join(dir, 'site.zip');
  await download.saveAs(zip);
  const made = join(dir, 'made');
  execFileSync('python3', ['-c', 'import sys, zipfile; zipfile.ZipFile(sys.argv[1]).extractall(sys.argv[2])', zip, made]);
  // The CLI's folder for the same snapshot (the draft as the zip carries it), from the same build.
  const published = join(dir, 'published');
  execFileSync('cargo', ['run', '--quiet', '--locked', '--bin', 'snapshot', '--', 'publish', '--app', join(ROOT, 'dist'), '--snapshot', join(made, 'data', 'snapshot.json'), '--out', published], { cwd: ROOT, stdio: ['ignore', 'ignore', 'inherit'] });
  const madeFiles = filesUnder(made);
  assert.deepEqual(madeFiles, filesUnder(published));
  assert.ok(madeFiles.length > 100, `${madeFiles.length} files`);
  for (const file of madeFiles) {
    const ours = readFileSync(join(made, file));
    if (file === 'og-image.png') {
      // The link-preview image: the same layout, but drawn by the browser with its own Chinese
      // font (the CLI's font file is too large to ship), so its pixels differ: a 1200×630 PNG.
      assert.equal(ours.subarray(1, 4).toString(), 'PNG');
      assert.deepEqual([ours.readUInt32BE(16), ours.readUInt32BE(20)], [1200, 630]);
      continue;
    }
    assert.ok(ours.equals(readFileSync(join(published, file))), `${file} differs from snapshot publish's`);
  }
  const madePage = readFileSync(join(made, 'index.html'), 'utf8');
  assert.match(madePage, /261/);
  assert.ok(madePage.includes('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;') || madePage.includes('&lt;script&gt;alert("x")&lt;/script&gt;'), 'the hostile label escaped');
  assert.ok(!madePage.includes('<script>alert') && !madePage.includes('<img src=x'), 'no hostile markup in the page made');
  await page.close();

  // Served as a county site would serve it.
  await expectServedFolderShows(made, ['261', hostile]);
});

test('when the site folder cannot be made (the build\'s list of files missing), the page says why in its language and keeps working; the draft untouched', async () => {
  const list = join(SITE, 'editor', 'site-files.json');
  renameSync(list, `${list}.away`);
  try {
    const page = await openEditor('desktop');
    await page.locator(valueField(CADRES)).fill('261');
    for (const [said, why] of [[/未能生成发布文件夹；草稿没有改变/, /读不到网站文件 \S*editor\/site-files\.json：HTTP 404/], [/The site folder could not be made; the draft is unchanged/, /could not read the site's file \S*editor\/site-files\.json: HTTP 404/]]) {
      if (!said.source.includes('未能')) await page.locator('[data-action="language"]').click();
      await page.locator('[data-action="make-site-folder"]').click();
      const notice = page.locator('.editor-notice-error', { hasText: said });
      await notice.waitFor({ timeout: 30000 });
      assert.match(await notice.innerText(), why);
      assert.equal(await page.locator('[data-action="make-site-folder"]').isDisabled(), false, 'it can be tried again');
    }
    assert.equal(await page.locator(valueField(CADRES)).inputValue(), '261');
    assert.deepEqual(page.errors.filter((error) => !/404/.test(error)), []);
    await page.close();
  } finally {
    renameSync(`${list}.away`, list);
  }
});

test('the preview is the report itself showing the draft, at a phone\'s and a desktop\'s width, following the edits; one visual alone and embedded too', async () => {
  const page = await openEditor();
  await page.locator(valueField(CADRES)).fill('261');
  await page.locator('[data-action="preview"]').click();
  const phone = page.frameLocator('.preview-frame-phone');
  const desktop = page.frameLocator('.preview-frame-desktop');
  for (const frame of [phone, desktop]) {
    await frame.locator('.draft-preview-banner').waitFor({ timeout: 20000 });
    assert.match(await frame.locator('.draft-preview-banner').innerText(), /预览：这是数据编辑器中的草稿，尚未发布/);
    await frame.locator('main').getByText('261').first().waitFor({ timeout: 20000 });
  }
  const phoneWidth = await page.locator('.preview-frame-phone').evaluate((frame) => frame.contentWindow.innerWidth);
  const desktopWidth = await page.locator('.preview-frame-desktop').evaluate((frame) => frame.contentWindow.innerWidth);
  assert.equal(phoneWidth, 390);
  assert.equal(desktopWidth, 1280);
  // An edit shows in the preview without reloading it.
  await page.locator(valueField(CADRES)).fill('262');
  await phone.locator('main').getByText('262').first().waitFor({ timeout: 20000 });
  // One visual alone, as embedded.
  await page.locator('#preview-visual').selectOption('figure:cadres_trained');
  await page.locator('.preview-embed input').check();
  await phone.locator('.single-visual, [data-visual]').first().waitFor({ timeout: 20000 });
  assert.equal(await page.locator('.preview-frame-phone').evaluate((frame) => new URL(frame.src).search), '?data=editor-draft&visual=figure:cadres_trained&embed=1');
  assert.equal(await phone.locator('html').getAttribute('data-embed'), '1');
  assert.deepEqual(page.errors, []);
  assert.deepEqual(await page.cspViolations(), []);
  await page.close();
});

test('the reader asked for the editor draft where there is none says so, in Chinese', async () => {
  const page = await newPage(browser, 'mobile');
  await page.goto(`${BASE_URL}?data=editor-draft`);
  await page.locator('.load-error').waitFor({ timeout: 20000 });
  assert.match(await page.locator('.load-error').innerText(), /本浏览器中没有数据编辑器的草稿/);
  await page.close();
});

test('village boundaries: a GeoJSON in the chosen coordinate system, matched by code or name; features matching no village are listed and nothing is taken', async () => {
  const page = await openEditor();
  const fixture = join(ROOT, 'tests', 'fixtures', 'authoring', 'villages.geojson');
  await page.locator('#boundary-crs').selectOption('GCJ-02');
  await page.setInputFiles('#boundary-file-input', fixture);
  const taken = page.locator('.editor-notice', { hasText: '已导入村界 villages.geojson（GCJ-02' });
  await taken.waitFor();
  // Villages left without a boundary are listed after.
  assert.match(await taken.innerText(), /个村没有对应的地块，仍没有边界/);
  const lines = await page.locator('.change-list .changes li').allInnerTexts();
  assert.ok(lines.length >= 2 && lines.every((line) => line.includes('geometry') || line.includes('边界') || line.includes('places[')), lines.join('\n'));
  await page.locator('[data-action="undo"]').click();
  assert.match(await page.locator('.change-list').innerText(), /没有变更/);
  // A feature that matches no village: listed, nothing taken.
  const unmatched = JSON.parse(readFileSync(fixture, 'utf8'));
  unmatched.features[0].properties = { name: '不存在村' };
  await page.setInputFiles('#boundary-file-input', { name: '村界.geojson', mimeType: 'application/geo+json', buffer: Buffer.from(JSON.stringify(unmatched)) });
  const refused = page.locator('.editor-notice-error', { hasText: '村界.geojson' });
  await refused.waitFor();
  assert.match(await refused.innerText(), /要素 0：没有村庄与 "不存在村" 匹配/);
  assert.match(await page.locator('.change-list').innerText(), /没有变更/);
  assert.deepEqual(page.errors, []);
  await page.close();
});

test('by keyboard alone: every control of the bar is reached with Tab, a figure is changed and undone, the language switched, the preview opened, the site folder made, the workbook downloaded', async () => {
  const page = await openEditor();
  const focused = () => page.evaluate(() => {
    const element = document.activeElement;
    return element?.dataset?.action ?? element?.id ?? element?.tagName;
  });
  const reached = [];
  for (let press = 0; press < 12; press++) {
    await page.keyboard.press('Tab');
    reached.push(await focused());
  }
  for (const control of ['open-file-input', 'download-snapshot', 'discard', 'language', 'large']) {
    assert.ok(reached.includes(control), `${control} not reached by Tab: ${reached.join(', ')}`);
  }
  const target = `f-indicators-${CADRES}-value`;
  let presses = 0;
  while ((await focused()) !== target) {
    await page.keyboard.press('Tab');
    presses += 1;
    assert.ok(presses < 300, `the figure's value field was not reached in 300 Tabs`);
  }
  await page.keyboard.press('Control+a');
  await page.keyboard.type('255');
  await page.keyboard.press('Tab');
  assert.match(await page.locator('.change-list').innerText(), /238[^\n]*255/);
  await page.keyboard.press('Control+z');
  assert.equal(await page.locator(valueField(CADRES)).inputValue(), '238');
  // The preview's button, then the language, by keys.
  await page.locator('#preview-visual').focus();
  await page.keyboard.press('Tab');
  await page.keyboard.press('Tab');
  assert.equal(await focused(), 'preview');
  await page.keyboard.press('Enter');
  await page.locator('.preview-frame-phone').waitFor();
  // From the change list on with Tab to "Make the site folder" (past the preview's frames,
  // which hold a whole report each), and Enter: the .zip comes.
  const tabTo = async (action) => {
    for (let press = 0; press < 60 && (await focused()) !== action; press++) await page.keyboard.press('Tab');
    assert.equal(await focused(), action, `${action} reached by Tab`);
  };
  await page.locator('.change-list button').last().focus();
  await tabTo('make-site-folder');
  const [folder] = await Promise.all([page.waitForEvent('download', { timeout: 240000 }), page.keyboard.press('Enter')]);
  assert.match(folder.suggestedFilename(), /\.zip$/);
  // The workbook by keys too (after the bar's last control).
  await page.locator('[data-action="large"]').focus();
  await tabTo('download-xlsx');
  const [workbook] = await Promise.all([page.waitForEvent('download'), page.keyboard.press('Enter')]);
  assert.match(workbook.suggestedFilename(), /\.xlsx$/);
  await page.locator('[data-action="language"]').focus();
  await page.keyboard.press('Space');
  assert.equal(await page.locator('html').getAttribute('lang'), 'en');
  await page.close();
});

test('a large synthetic snapshot opens quickly enough to work in, labelled synthetic; its places are drawn only when opened', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'editor-synth-'));
  const path = join(dir, 'synthetic-5000.json');
  writeFileSync(path, execFileSync('cargo', ['run', '--quiet', '--locked', '--bin', 'snapshot', '--', 'synth', '--places', '5000', '--seed', '2'], { cwd: ROOT, maxBuffer: 64 * 1024 * 1024 }));
  const page = await openEditor();
  await page.setInputFiles('#open-file-input', path);
  await page.locator('.editor-notice', { hasText: '已打开 synthetic-5000.json' }).waitFor({ timeout: 30000 });
  assert.match(await page.locator('.editor-synthetic').innerText(), /合成|synthetic/i);
  const summary = page.locator('[data-action="show-places"]');
  assert.match(await summary.innerText(), /个地点/);
  assert.equal(await page.locator('.place-editor').count(), 0);
  await summary.click();
  await page.locator('.place-editor').first().waitFor({ timeout: 30000 });
  // At most 100 drawn; a search finds the others.
  assert.equal(await page.locator('.place-editor').count(), 100);
  assert.match(await page.locator('.places-shown, [role="status"]', { hasText: '显示前 100 个' }).first().innerText(), /共 \d+ 个/);
  const synthetic = JSON.parse(readFileSync(path, 'utf8'));
  const last = synthetic.places[synthetic.places.length - 1];
  await page.locator('#place-search').fill(last.name.zh);
  await page.locator('.place-editor', { hasText: last.name.zh }).first().waitFor();
  assert.ok(await page.locator('.place-editor').count() < 100);
  assert.deepEqual(page.errors, []);
  await page.close();
});

test('a file dropped onto the page opens as one picked does', async () => {
  const page = await openEditor();
  const changed = structuredClone(SNAPSHOT);
  changed.meta.as_of = '2022-12-31';
  const transfer = await page.evaluateHandle((text) => {
    const data = new DataTransfer();
    data.items.add(new File([text], 'dropped.json', { type: 'application/json' }));
    return data;
  }, JSON.stringify(changed));
  await page.dispatchEvent('.editor', 'dragover', { dataTransfer: transfer });
  await page.dispatchEvent('.editor', 'drop', { dataTransfer: transfer });
  await page.locator('.editor-notice', { hasText: '已打开 dropped.json' }).waitFor();
  const lines = await page.locator('.change-list .changes li').allInnerTexts();
  assert.equal(lines.length, 1, lines.join('\n'));
  assert.ok(lines[0].includes('meta.as_of') && lines[0].includes('2022-12-31'), lines[0]);
  await page.close();
});

test('a village\'s designation: its level, source and the report\'s words are edited like a figure\'s, listed as a change', async () => {
  const page = await openEditor();
  const position = SNAPSHOT.places.findIndex((place) => (place.designations ?? []).length > 0);
  const place = SNAPSHOT.places[position];
  const level = place.designations[0].level;
  const other = level === 'county' ? 'city' : 'county';
  await page.locator('[data-action="show-places"]').click();
  await page.locator('#place-search').fill(place.name.zh);
  const select = page.locator(`#f-places-${position}-designations-0-level`);
  assert.equal(await select.inputValue(), level);
  await select.selectOption(other);
  const lines = await page.locator('.change-list .changes li').allInnerTexts();
  assert.equal(lines.length, 1, lines.join('\n'));
  assert.ok(lines[0].startsWith('修改') && lines[0].includes(`places[${place.id}]`), lines[0]);
  await page.locator(`#f-places-${position}-designations-0-quote`).fill('');
  await fieldOf(page, `#f-places-${position}-designations-0-quote`).locator('.field-problem').waitFor();
  assert.deepEqual(page.errors, []);
  await page.close();
});
