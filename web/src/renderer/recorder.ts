// Recording from the microphone or webcam with MediaRecorder, for gr.Audio and gr.Video; openMicrophone
// collects what a streaming gr.Audio hears, for its .stream() listeners.
// Audio recordings are re-encoded as 16-bit WAV in the page, so type="numpy" (WAV only, no ffmpeg in the
// worker) can read them.

import "./recorder.css";
import { errorText } from "../error-text";

export interface Recording {
  stop(): Promise<File>;
  stream: MediaStream;
}

/** Start recording; rejects with a readable message when the browser or the user refuses. */
export async function startRecording(kind: "audio" | "video", constraints?: MediaStreamConstraints): Promise<Recording> {
  if (!navigator.mediaDevices?.getUserMedia || typeof MediaRecorder === "undefined") {
    throw new Error(`This browser cannot record ${kind} here (recording needs a secure page: https or localhost).`);
  }
  let stream: MediaStream;
  try {
    stream = await navigator.mediaDevices.getUserMedia(constraints ?? (kind === "audio" ? { audio: true } : { video: true, audio: true }));
  } catch (err) {
    throw new Error(`${kind === "audio" ? "Microphone" : "Webcam"} unavailable: ${errorText(err)}`);
  }
  return recordStream(stream, kind, true);
}

/** Record a stream already open (a webcam's preview); `release`: stop its tracks when the recording stops. */
export function recordStream(stream: MediaStream, kind: "audio" | "video", release = false): Recording {
  const recorder = new MediaRecorder(stream);
  const chunks: Blob[] = [];
  recorder.ondataavailable = (e) => e.data.size && chunks.push(e.data);
  recorder.start();
  return {
    stream,
    stop: () =>
      new Promise<File>((resolve, reject) => {
        recorder.onstop = async () => {
          if (release) stream.getTracks().forEach((t) => t.stop());
          const blob = new Blob(chunks, { type: recorder.mimeType || (kind === "audio" ? "audio/webm" : "video/webm") });
          try {
            resolve(kind === "audio" ? await toWavFile(blob) : new File([blob], "recording.webm", { type: blob.type }));
          } catch (err) {
            reject(err);
          }
        };
        recorder.stop();
      }),
  };
}

/** Decode any audio the browser can play and re-encode it as 16-bit PCM WAV. */
export async function toWavFile(blob: Blob, name = "recording.wav"): Promise<File> {
  const context = new AudioContext();
  try {
    const audio = await context.decodeAudioData(await blob.arrayBuffer());
    return new File([encodeWav(audio)], name, { type: "audio/wav" });
  } finally {
    void context.close();
  }
}

export function encodeWav(audio: AudioBuffer): ArrayBuffer {
  const channels = audio.numberOfChannels;
  const frames = audio.length;
  const out = new DataView(new ArrayBuffer(44 + frames * channels * 2));
  const text = (offset: number, s: string) => [...s].forEach((c, i) => out.setUint8(offset + i, c.charCodeAt(0)));
  text(0, "RIFF");
  out.setUint32(4, 36 + frames * channels * 2, true);
  text(8, "WAVEfmt ");
  out.setUint32(16, 16, true);
  out.setUint16(20, 1, true);
  out.setUint16(22, channels, true);
  out.setUint32(24, audio.sampleRate, true);
  out.setUint32(28, audio.sampleRate * channels * 2, true);
  out.setUint16(32, channels * 2, true);
  out.setUint16(34, 16, true);
  text(36, "data");
  out.setUint32(40, frames * channels * 2, true);
  const data = Array.from({ length: channels }, (_, c) => audio.getChannelData(c));
  let offset = 44;
  for (let i = 0; i < frames; i++) {
    for (let c = 0; c < channels; c++) {
      const s = Math.max(-1, Math.min(1, data[c]?.[i] ?? 0));
      out.setInt16(offset, s < 0 ? s * 0x8000 : s * 0x7fff, true);
      offset += 2;
    }
  }
  return out.buffer;
}

/** A microphone whose sound is collected as PCM, handed out as a WAV file of what came since the last take. */
export interface LiveMicrophone {
  /** The sound since the last call (or since opening), as a 16-bit WAV file; null when there is none yet. */
  take(): File | null;
  close(): void;
}

/** Open the microphone for streaming (Gradio's streaming Audio sends WAV chunks of what it heard). */
export async function openMicrophone(): Promise<LiveMicrophone> {
  if (!navigator.mediaDevices?.getUserMedia) {
    throw new Error("This browser cannot record audio here (recording needs a secure page: https or localhost).");
  }
  let stream: MediaStream;
  try {
    stream = await navigator.mediaDevices.getUserMedia({ audio: true });
  } catch (err) {
    throw new Error(`Microphone unavailable: ${errorText(err)}`);
  }
  const context = new AudioContext();
  const source = context.createMediaStreamSource(stream);
  // A ScriptProcessor (not an AudioWorklet) because it needs no module file next to the page; the sound is
  // only copied, so its main-thread timing does not matter. It must reach the destination to run; it writes
  // silence there.
  const processor = context.createScriptProcessor(4096, 1, 1);
  let heard: Float32Array<ArrayBuffer>[] = [];
  processor.onaudioprocess = (e) => heard.push(new Float32Array(e.inputBuffer.getChannelData(0)));
  source.connect(processor);
  processor.connect(context.destination);
  return {
    take() {
      const length = heard.reduce((n, part) => n + part.length, 0);
      if (!length) return null;
      const buffer = new AudioBuffer({ length, numberOfChannels: 1, sampleRate: context.sampleRate });
      let at = 0;
      for (const part of heard) {
        buffer.copyToChannel(part, 0, at);
        at += part.length;
      }
      heard = [];
      return new File([encodeWav(buffer)], "chunk.wav", { type: "audio/wav" });
    },
    close() {
      processor.disconnect();
      source.disconnect();
      stream.getTracks().forEach((t) => t.stop());
      void context.close();
    },
  };
}
