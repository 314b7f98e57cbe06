#!/usr/bin/env node
// wavebench's bridge to the ggwave library itself (npm ggwave 0.4.0), so that wavebench's Java
// ggwave can be checked against the implementation it was written from, both ways.
//
//   node ggwave-harness.js encode --protocol ID --rate HZ --volume V --hex PAYLOAD --out FILE
//       writes ggwave's sound for PAYLOAD (hex) as raw little-endian float32 mono at HZ
//   node ggwave-harness.js decode --rate HZ --in FILE [--chunk N]
//       feeds the raw float32 capture to ggwave's receiver N samples at a time (default: ggwave's
//       1024-sample frame at 48 kHz in capture-rate samples, 941 at 44.1 kHz, as its examples feed
//       it a frame at a time) and prints one line per message: "message <hex>".
//       At 44.1 kHz the chunk size matters: ggwave's resampling input drops a remainder of 128
//       samples or fewer, so 1024-sample chunks at 44.1 kHz lose sound and decode almost nothing.
//
//   node ggwave-harness.js serve
//       the same encode and decode, many in one process (the WebAssembly module loaded once): one
//       JSON request a line on stdin, {"command":"encode"|"decode", and the options above by name},
//       one line "result <JSON>" on stdout for each: {"samples":N} or {"messages":["<hex>",…]},
//       or {"error":"…"}. Each request gets a ggwave instance of its own, freed after it.
//
//   node ggwave-harness.js stream --hex PAYLOAD
//       encodes PAYLOAD with ggwave ([Fastest], 48 kHz) and reads back, from ggwave's own noiseless
//       sound, the bytes it sent (length block, payload, Reed-Solomon check bytes): each chunk's
//       middle frame, each nibble the loudest of its 16 bins. Prints "stream <hex>".
//
// ggwave operates at 48 kHz; another rate is given as the playback/capture rate, and ggwave
// resamples, as its own applications do with a sound card at 44.1 kHz. Only lines starting with
// "message " or "samples " are results: ggwave's WebAssembly build prints chatter of its own.
'use strict';

const fs = require('fs');
const path = require('path');

function args(argv) {
    const out = {};
    for (let i = 0; i < argv.length; i += 2) {
        if (!argv[i].startsWith('--')) throw new Error('expected --name value, got ' + argv[i]);
        out[argv[i].substring(2)] = argv[i + 1];
    }
    return out;
}

function protocolEnum(ggwave, id) {
    const found = Object.values(ggwave.ProtocolId).find((p) => p.value === id);
    if (!found) throw new Error('ggwave has no protocol id ' + id);
    return found;
}

function hex(bytes) {
    return Buffer.from(bytes).toString('hex');
}

function withInstance(ggwave, rate, work) {
    const parameters = ggwave.getDefaultParameters();
    parameters.sampleRateInp = rate;
    parameters.sampleRateOut = rate;
    const instance = ggwave.init(parameters);
    try {
        return work(instance);
    } finally {
        ggwave.free(instance);
    }
}

/** ggwave's sound for opts.hex, written to opts.out as raw float32; returns how many samples. */
function encode(ggwave, opts) {
    const rate = Number(opts.rate || 48000);
    return withInstance(ggwave, rate, (instance) => {
        const payload = Uint8Array.from(Buffer.from(opts.hex, 'hex'));
        const volume = Number(opts.volume || 10);
        const waveform = ggwave.encode(instance, payload, protocolEnum(ggwave, Number(opts.protocol)), volume);
        // A view into ggwave's memory: copy before anything else runs.
        const samples = new Float32Array(waveform.buffer.slice(waveform.byteOffset, waveform.byteOffset + waveform.byteLength));
        fs.writeFileSync(path.resolve(opts.out), Buffer.from(samples.buffer));
        return samples.length;
    });
}

/** Every message ggwave's receiver decodes from the raw float32 capture in opts.in, as hex. */
function decode(ggwave, opts) {
    const rate = Number(opts.rate || 48000);
    return withInstance(ggwave, rate, (instance) => {
        const data = fs.readFileSync(path.resolve(opts.in));
        const capture = new Float32Array(data.buffer, data.byteOffset, data.byteLength / 4);
        const chunk = Number(opts.chunk || Math.ceil(1024 * rate / 48000));
        const messages = [];
        for (let at = 0; at < capture.length; at += chunk) {
            const block = capture.slice(at, Math.min(capture.length, at + chunk));
            const result = ggwave.decode(instance, new Uint8Array(block.buffer));
            if (result && result.length > 0) messages.push(hex(Uint8Array.from(result, (b) => b & 0xff)));
        }
        return messages;
    });
}

async function serve(ggwave) {
    const lines = require('readline').createInterface({ input: process.stdin, crlfDelay: Infinity });
    for await (const line of lines) {
        if (!line.trim()) continue;
        let result;
        try {
            const request = JSON.parse(line);
            if (request.command === 'encode') result = { samples: encode(ggwave, request) };
            else if (request.command === 'decode') result = { messages: decode(ggwave, request) };
            else result = { error: 'unknown command ' + request.command };
        } catch (e) {
            result = { error: String(e && e.stack ? e.stack : e) };
        }
        process.stdout.write('result ' + JSON.stringify(result) + '\n');
    }
}

async function main() {
    const command = process.argv[2];
    const opts = args(process.argv.slice(3));
    const factory = require(process.env.GGWAVE_MODULE || 'ggwave');
    const ggwave = await factory();
    ggwave.disableLog();

    if (command === 'serve') {
        await serve(ggwave);
    } else if (command === 'encode') {
        process.stdout.write('samples ' + encode(ggwave, opts) + '\n');
    } else if (command === 'decode') {
        for (const message of decode(ggwave, opts)) process.stdout.write('message ' + message + '\n');
    } else if (command === 'stream') {
        const payload = Uint8Array.from(Buffer.from(opts.hex, 'hex'));
        const fastest = protocolEnum(ggwave, 2);
        const waveform = withInstance(ggwave, 48000, (instance) => {
            const w = ggwave.encode(instance, payload, fastest, 25);
            return new Float32Array(w.buffer.slice(w.byteOffset, w.byteOffset + w.byteLength));
        });
        const samples = waveform;
        const n = 1024, freqStart = 40, framesPerTx = 3, markerFrames = 16;
        const txs = (samples.length / n - 2 * markerFrames) / framesPerTx;
        const bytes = [];
        for (let k = 0; k < txs; k++) {
            const at = (markerFrames + k * framesPerTx + 1) * n;
            const nibbles = [];
            for (let j = 0; j < 6; j++) {
                let best = 0, bestPower = -1;
                for (let v = 0; v < 16; v++) {
                    const bin = freqStart + 16 * j + v;
                    let re = 0, im = 0;
                    for (let m = 0; m < n; m++) {
                        re += samples[at + m] * Math.cos(2 * Math.PI * bin * m / n);
                        im -= samples[at + m] * Math.sin(2 * Math.PI * bin * m / n);
                    }
                    const power = re * re + im * im;
                    if (power > bestPower) { bestPower = power; best = v; }
                }
                nibbles.push(best);
            }
            for (let j = 0; j < 3; j++) bytes.push(nibbles[2 * j] | (nibbles[2 * j + 1] << 4));
        }
        // The stream is the length block (3), the payload and its check bytes; the rest pads the last chunk.
        const ecc = payload.length < 4 ? 2 : Math.max(4, 2 * Math.floor(payload.length / 5));
        process.stdout.write('stream ' + hex(bytes.slice(0, 3 + payload.length + ecc)) + '\n');
    } else {
        throw new Error('usage: ggwave-harness.js encode|decode|serve|stream ... (see the head of this file)');
    }
}

main().catch((e) => {
    process.stderr.write('ggwave-harness: ' + (e && e.stack ? e.stack : e) + '\n');
    process.exit(2);
});
