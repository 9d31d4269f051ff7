"""librosa's side of CatalogueSpeedBenchmark: the melon-v1 log-mel of the same 30 s, timed on request.

Started by the Java benchmark as a subprocess, so that both sides run interleaved in one run on one machine:
  python3 librosa_log_mel.py <pcm.npy> <out.npy>
It prints one JSON line "ready" (versions, BLAS), writes its log-mel of the PCM to <out.npy> (for the Java side
to compare cell by cell), then answers each line "time N" on stdin with one JSON line: N wall-clock and N
thread-CPU times in milliseconds. "quit" ends it.

The spec melon-v1 in librosa's terms: n_fft 512, hop 256, a symmetric Hann window (passed as an array:
librosa's 'hann' is periodic), centred frames padded with zeros (pad_mode 'constant', librosa 0.11's
default), power 2, 48 Slaney-mel bands from 0 to 8000 Hz with Slaney area normalisation, then
log10(1 + 10000 m).
"""
import json
import sys
import time

import numpy as np
import scipy.signal
import librosa


def log_mel(y, window):
    mel = librosa.feature.melspectrogram(y=y, sr=16000, n_fft=512, hop_length=256, window=window, center=True,
                                         pad_mode="constant", power=2.0, n_mels=48, fmin=0.0, fmax=8000.0,
                                         htk=False, norm="slaney")
    return np.log10(1 + 10000 * mel)


def blas():
    try:
        from threadpoolctl import threadpool_info
        return [{k: p.get(k) for k in ("internal_api", "version", "architecture", "num_threads")}
                for p in threadpool_info()]
    except Exception as ex:  # threadpoolctl is optional: say so rather than fail
        return str(ex)


def main():
    y = np.load(sys.argv[1]).astype(np.float32)
    window = scipy.signal.windows.hann(512, sym=True)
    np.save(sys.argv[2], log_mel(y, window).astype(np.float32))
    for _ in range(10):
        log_mel(y, window)
    print(json.dumps({"ready": True, "librosa": librosa.__version__, "numpy": np.__version__,
                      "python": sys.version.split()[0], "blas": blas()}), flush=True)
    for line in sys.stdin:
        words = line.split()
        if not words or words[0] == "quit":
            break
        n = int(words[1])
        wall, cpu = [], []
        for _ in range(n):
            w0, c0 = time.perf_counter(), time.thread_time()
            log_mel(y, window)
            cpu.append((time.thread_time() - c0) * 1e3)
            wall.append((time.perf_counter() - w0) * 1e3)
        print(json.dumps({"wall": wall, "cpu": cpu}), flush=True)


if __name__ == "__main__":
    main()
