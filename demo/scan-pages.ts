/**
 * Pages with QR codes in every form a real "set up two-factor authentication" page uses, for
 * trying the scanner and for its end-to-end tests: `/test/scan/NAME`. Each page's codes are
 * listed in SCAN_CASES, so a test knows what the scan must find.
 */
import { BinaryWriter } from '@bufbuild/protobuf/wire';
import { encode } from 'uqr';
import { fromBase64 } from '../utils/core/internal/bytes';
import { escapeHtml, page } from './html';
import { qrSvg } from './qr-image';

export const SCAN_URIS = {
  github: 'otpauth://totp/GitHub:octocat?secret=GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ&issuer=GitHub',
  bank: 'otpauth://totp/Bank:alice?secret=JBSWY3DPEHPK3PXPJBSWY3DP&issuer=Bank&algorithm=SHA256&digits=8',
  steam: 'otpauth://totp/Steam:gamer?secret=KRSXG5CTMVRXEZLUKN2XAZLSKNSWG4TFOQ&issuer=Steam&encoder=steam',
  url: 'https://example.com/welcome',
};

/** Google Authenticator export accounts (secrets as base64 of their raw bytes). */
export const MIGRATION_ACCOUNTS = [
  { name: 'alice@example.com', issuer: 'Example', secret: 'SGVsbG8hIN6tvu8=', type: 2, algorithm: 1, digits: 1 },
  { name: 'ops', issuer: 'Cloud', secret: 'MTIzNDU2Nzg5MDEyMzQ1Njc4OTA=', type: 2, algorithm: 2, digits: 2 },
  { name: 'counter', issuer: 'Legacy', secret: 'AAECAwQFBgcICQ==', type: 1, algorithm: 1, digits: 1, counter: 5 },
];

/** An export of `accounts` as one part of a batch, the way Google Authenticator writes it. */
export function migrationUri(accounts: typeof MIGRATION_ACCOUNTS, batch = { size: 1, index: 0, id: -123456 }): string {
  const writer = new BinaryWriter();
  for (const account of accounts) {
    writer.uint32((1 << 3) | 2).fork();
    writer.uint32((1 << 3) | 2).bytes(fromBase64(account.secret));
    writer.uint32((2 << 3) | 2).string(account.name);
    writer.uint32((3 << 3) | 2).string(account.issuer);
    writer.uint32(4 << 3).int32(account.algorithm);
    writer.uint32(5 << 3).int32(account.digits);
    writer.uint32(6 << 3).int32(account.type);
    if (account.counter !== undefined) writer.uint32(7 << 3).int64(account.counter);
    writer.join();
  }
  writer
    .uint32(2 << 3)
    .int32(1)
    .uint32(3 << 3)
    .int32(batch.size)
    .uint32(4 << 3)
    .int32(batch.index)
    .uint32(5 << 3)
    .int32(batch.id);
  return `otpauth-migration://offline?data=${encodeURIComponent(Buffer.from(writer.finish()).toString('base64'))}`;
}

const img = (text: string, origin = '') =>
  `<img src="${origin}/qr.png?text=${encodeURIComponent(text)}" width="180" height="180" alt="QR code">`;

/** A QR code drawn with table cells: no picture at all, so only a screenshot can find it. */
function tableQr(text: string, cell = 4): string {
  const { data } = encode(text, { ecc: 'M', border: 4 });
  const rows = data
    .map((row) => `<tr>${row.map((dark) => `<td${dark ? ' class="d"' : ''}></td>`).join('')}</tr>`)
    .join('');
  return `<style>table.qr{border-collapse:collapse}table.qr td{width:${cell}px;height:${cell}px;padding:0;background:#fff}table.qr td.d{background:#000}</style><table class="qr" role="img" aria-label="QR code">${rows}</table>`;
}

/** Filler like a real settings page around the code, for the benchmark. */
const SETTINGS_TEXT =
  '<p>Scan this code with your authenticator app, then enter the six-digit code it shows. Keep your recovery codes somewhere safe.</p>'.repeat(
    6,
  );

export interface ScanCase {
  title: string;
  /** What the scan must find, in any order. */
  expected: string[];
  html: (query: URLSearchParams) => string;
}

const [firstPart, secondPart] = [
  migrationUri(MIGRATION_ACCOUNTS.slice(0, 2), { size: 2, index: 0, id: 77 }),
  migrationUri(MIGRATION_ACCOUNTS.slice(2), { size: 2, index: 1, id: 77 }),
];

export const SCAN_CASES: Record<string, ScanCase> = {
  img: { title: 'PNG image', expected: [SCAN_URIS.github], html: () => img(SCAN_URIS.github) },
  svg: {
    title: 'Inline SVG',
    expected: [SCAN_URIS.github],
    html: () => `<div class="qr" style="width:180px">${qrSvg(SCAN_URIS.github)}</div>`,
  },
  canvas: {
    title: 'Canvas',
    expected: [SCAN_URIS.bank],
    html: () =>
      `<canvas id="qr" width="200" height="200"></canvas><script>const i=new Image();i.onload=()=>document.getElementById('qr').getContext('2d').drawImage(i,0,0,200,200);i.src='/qr.png?text=${encodeURIComponent(SCAN_URIS.bank)}';</script>`,
  },
  'cross-origin': {
    title: 'Image from another origin',
    expected: [SCAN_URIS.github],
    html: (query) =>
      /^\d+$/.test(query.get('port') ?? '')
        ? img(SCAN_URIS.github, `http://127.0.0.1:${query.get('port')}`)
        : '<p>Give ?port= of a second demo server.</p>',
  },
  'below-fold': {
    title: 'Below the fold',
    expected: [SCAN_URIS.bank],
    html: () => `<div style="height:2500px">Scroll down for the code.</div>${img(SCAN_URIS.bank)}`,
  },
  iframe: {
    title: 'In an iframe',
    expected: [SCAN_URIS.github],
    html: () => '<iframe src="/test/scan/img" width="400" height="400" title="QR code frame"></iframe>',
  },
  two: {
    title: 'Two codes',
    expected: [SCAN_URIS.github, SCAN_URIS.bank],
    html: () => `${img(SCAN_URIS.github)} ${img(SCAN_URIS.bank)}`,
  },
  background: {
    title: 'CSS background image',
    expected: [SCAN_URIS.steam],
    html: () =>
      `<div role="img" aria-label="QR code" style="width:200px;height:200px;background:url('/qr.png?text=${encodeURIComponent(SCAN_URIS.steam)}') center/contain no-repeat"></div>`,
  },
  drawn: { title: 'Drawn with table cells', expected: [SCAN_URIS.github], html: () => tableQr(SCAN_URIS.github) },
  migration: {
    title: 'Google Authenticator export',
    expected: [migrationUri(MIGRATION_ACCOUNTS)],
    html: () => img(migrationUri(MIGRATION_ACCOUNTS)),
  },
  'migration-part': {
    title: 'Google Authenticator export, code 1 of 2',
    expected: [firstPart],
    html: () => img(firstPart),
  },
  'migration-parts': {
    title: 'Google Authenticator export, both codes',
    expected: [firstPart, secondPart],
    html: () => `${img(firstPart)} ${img(secondPart)}`,
  },
  none: {
    title: 'No QR code',
    expected: [],
    html: () =>
      '<p>Pictures, but no code.</p><svg width="160" height="160" role="img" aria-label="A circle"><circle cx="80" cy="80" r="70" fill="#3a7"/></svg><canvas id="c" width="160" height="160"></canvas><script>const c=document.getElementById("c").getContext("2d");for(let i=0;i<16;i++){c.fillStyle=i%2?"#222":"#eee";c.fillRect(i*10,0,10,160);}</script>',
  },
  url: { title: 'A QR code with a web address', expected: [SCAN_URIS.url], html: () => img(SCAN_URIS.url) },
  // npm run bench: a 160 px code on a settings page, as a picture and drawn (screenshot only).
  'bench-img': {
    title: 'Benchmark, picture',
    expected: [SCAN_URIS.github],
    html: () => `${SETTINGS_TEXT}${img(SCAN_URIS.github).replace(/180/g, '160')}${SETTINGS_TEXT}`,
  },
  'bench-drawn': {
    title: 'Benchmark, drawn',
    expected: [SCAN_URIS.github],
    html: () => `${SETTINGS_TEXT}${tableQr(SCAN_URIS.github, 3)}${SETTINGS_TEXT}`,
  },
  'bench-none': { title: 'Benchmark, no code', expected: [], html: () => `${SETTINGS_TEXT}${SETTINGS_TEXT}` },
};

export function scanPage(name: string, query: URLSearchParams): string | undefined {
  const scanCase = SCAN_CASES[name];
  if (!scanCase) return undefined;
  return page(`Scan test: ${scanCase.title}`, `<p>${escapeHtml(scanCase.title)}</p>${scanCase.html(query)}`);
}
