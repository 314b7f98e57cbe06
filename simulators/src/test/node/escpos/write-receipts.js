// Writes receipts with @point-of-sale/receipt-printer-encoder, an ESC/POS encoder that shares no
// code with wavebench, each through the encoder's own API, so wavebench's printer is fed bytes
// it did not write itself.
//
//   node write-receipts.js OUT_DIR
//
// writes OUT_DIR/NAME.bin (the bytes) and OUT_DIR/NAME.txt (what the receipt must show: one
// "line: TEXT", "qr: TEXT" or "barcode: TEXT" per line) for each receipt below. The encoder is
// found through ESCPOS_ENCODER_MODULE (the installed package's folder).
'use strict';

const fs = require('fs');
const path = require('path');

const modulePath = process.env.ESCPOS_ENCODER_MODULE;
if (!modulePath) {
  console.error('ESCPOS_ENCODER_MODULE is not set (the folder of the installed @point-of-sale/receipt-printer-encoder)');
  process.exit(2);
}
const ReceiptPrinterEncoder = require(path.join(modulePath, 'dist/receipt-printer-encoder.cjs'));
const ImageData = require(path.join(modulePath, '../../@canvas/image-data'));

const out = process.argv[2];
if (!out) {
  console.error('usage: node write-receipts.js OUT_DIR');
  process.exit(2);
}
fs.mkdirSync(out, { recursive: true });

function encoder(options) {
  return new ReceiptPrinterEncoder(Object.assign({ language: 'esc-pos', columns: 48, printerModel: 'epson-tm-t88vi' }, options));
}

/** A 64 x 64 checkerboard of 8-pixel squares, black and white. */
function checkerboard() {
  const w = 64, h = 64;
  const data = new Uint8ClampedArray(w * h * 4);
  for (let y = 0; y < h; y++) {
    for (let x = 0; x < w; x++) {
      const v = ((x >> 3) + (y >> 3)) % 2 === 0 ? 0 : 255;
      const i = (y * w + x) * 4;
      data[i] = data[i + 1] = data[i + 2] = v;
      data[i + 3] = 255;
    }
  }
  return new ImageData(data, w, h);
}

const receipts = {
  'styles': {
    bytes: encoder()
      .initialize()
      .line('CINEMA 7 TICKET DESK')
      .bold(true).line('BOLD LINE').bold(false)
      .underline(true).line('UNDERLINED LINE').underline(false)
      .invert(true).line('INVERTED LINE').invert(false)
      .size(2, 2).line('BIG').size(1, 1)
      .align('center').line('CENTERED').align('right').line('RIGHT').align('left')
      .font('B').line('SMALL FONT B').font('A')
      .rule()
      .table([{ width: 30, align: 'left' }, { width: 17, align: 'right' }], [['Popcorn', '4.50'], ['Total', '4.50']])
      .newline()
      .cut()
      .encode(),
    expect: ['line: CINEMA 7 TICKET DESK', 'line: BOLD LINE', 'line: UNDERLINED LINE', 'line: INVERTED LINE', 'line: BIG',
      'line: CENTERED', 'line: RIGHT', 'line: SMALL FONT B', 'line: Popcorn', 'line: Total'],
  },
  'barcode': {
    bytes: encoder()
      .initialize()
      .line('CODE 128 BELOW')
      .align('center')
      .barcode('WB-2026-0042', 'code128', { height: 80, width: 2, text: true })
      .align('left')
      .line('END OF BARCODE')
      .cut('partial')
      .encode(),
    expect: ['line: CODE 128 BELOW', 'barcode: WB-2026-0042', 'line: END OF BARCODE'],
  },
  'qrcode': {
    bytes: encoder()
      .initialize()
      .line('TICKET QR BELOW')
      .align('center')
      .qrcode('https://wavebench.example/t/42?seat=F12', { model: 2, size: 6, errorlevel: 'm' })
      .align('left')
      .line('SCAN AT THE DOOR')
      .cut()
      .encode(),
    expect: ['line: TICKET QR BELOW', 'qr: https://wavebench.example/t/42?seat=F12', 'line: SCAN AT THE DOOR'],
  },
  'codepages': {
    // The encoder picks each character's code page itself and switches with ESC t as it goes.
    bytes: encoder()
      .initialize()
      .codepage('auto')
      .line('Café €5 — Straße')
      .line('Привет, мир')
      .cut()
      .encode(),
    expect: ['line: Café €5 — Straße', 'line: Привет, мир'],
  },
  'image': {
    bytes: encoder({ imageMode: 'raster' })
      .initialize()
      .line('LOGO BELOW')
      .image(checkerboard(), 64, 64, 'threshold')
      .line('LOGO ABOVE')
      .cut()
      .encode(),
    expect: ['line: LOGO BELOW', 'image: 64x64', 'line: LOGO ABOVE'],
  },
};

for (const [name, r] of Object.entries(receipts)) {
  fs.writeFileSync(path.join(out, name + '.bin'), Buffer.from(r.bytes));
  fs.writeFileSync(path.join(out, name + '.txt'), r.expect.join('\n') + '\n');
  console.log(name + ': ' + r.bytes.length + ' bytes');
}
