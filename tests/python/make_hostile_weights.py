#!/usr/bin/python3
"""Writes weight files built to hurt a reader: torch's zip layout around pickles whose tensors
reach outside their storage, storages that claim more bytes than their record holds, missing
records, memo references that double at every level, and zip directories that lie.

Usage: make_hostile_weights.py OUT_DIR
Each file is named for what it does; tests/test_hostileweights.cpp expects a refusal for each.
"""
import collections
import io
import os
import pickle
import struct
import sys
import zipfile

import torch


class Storage:
    def __init__(self, key, numel):
        self.key, self.numel = key, numel


class Tensor:
    """Pickles as torch._utils._rebuild_tensor_v2 with whatever geometry it is given."""

    def __init__(self, storage, offset, size, stride):
        self.args = (storage, offset, tuple(size), tuple(stride), False, collections.OrderedDict())

    def __reduce__(self):
        return torch._utils._rebuild_tensor_v2, self.args


class Pickler(pickle.Pickler):
    def persistent_id(self, obj):
        if isinstance(obj, Storage):
            return ("storage", torch.FloatStorage, obj.key, "cpu", obj.numel)
        return None


def pickled(obj):
    data = io.BytesIO()
    Pickler(data, protocol=2).dump(obj)
    return data.getvalue()


def archive(path, data_pkl, records):
    with zipfile.ZipFile(path, "w", zipfile.ZIP_STORED) as z:
        z.writestr("archive/data.pkl", data_pkl)
        for name, payload in records.items():
            z.writestr("archive/data/" + name, payload)
        z.writestr("archive/version", "3\n")


def one_tensor(path, offset, size, stride, numel=4, record=struct.pack("<4f", 1, 2, 3, 4), records=None):
    state = collections.OrderedDict(weight=Tensor(Storage("0", numel), offset, size, stride))
    archive(path, pickled(state), {"0": record} if records is None else records)


def main():
    out = sys.argv[1]
    os.makedirs(out, exist_ok=True)
    p = lambda name: os.path.join(out, name + ".pth")
    one_tensor(p("size_beyond_storage"), 0, (1 << 40,), (1,))
    one_tensor(p("negative_size"), 0, (-5,), (1,))
    one_tensor(p("stride_beyond_storage"), 0, (2,), (1 << 40,))
    one_tensor(p("offset_beyond_storage"), 1 << 40, (1,), (1,))
    one_tensor(p("overflowing_geometry"), 0, (1 << 62, 1 << 62), (1 << 62, 1))
    one_tensor(p("storage_claims_more_than_its_record"), 0, (1000,), (1,), numel=1000)
    one_tensor(p("storage_claims_exabytes"), 0, (4,), (1,), numel=1 << 60)
    one_tensor(p("missing_storage_record"), 0, (4,), (1,), records={})

    # Forty levels of [previous, previous] through memo references: 2^40 leaves if copied.
    blowup = b"\x80\x02]q\x000"
    for level in range(1, 41):
        blowup += b"](h" + bytes([level - 1]) + b"h" + bytes([level - 1]) + b"eq" + bytes([level]) + b"0"
    blowup += b"}X\x06\x00\x00\x00weighth\x28s."  # {"weight": the 40th level}
    archive(p("memo_doubling"), blowup, {})

    # A valid file whose zip directory then claims a 4 GB record.
    good = io.BytesIO()
    torch.save(collections.OrderedDict(weight=torch.arange(4.0)), good)
    data = bytearray(good.getvalue())
    at = data.find(b"PK\x01\x02")
    while at >= 0:
        name_length = struct.unpack_from("<H", data, at + 28)[0]
        name = bytes(data[at + 46:at + 46 + name_length])
        if name.endswith(b"data/0"):
            struct.pack_into("<II", data, at + 20, 0xFFFFFFF0, 0xFFFFFFF0)
        at = data.find(b"PK\x01\x02", at + 4)
    with open(p("zip_record_claims_4gb"), "wb") as f:
        f.write(bytes(data))


if __name__ == "__main__":
    main()
