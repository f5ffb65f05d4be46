"""Scale drivers: frames from SCALES.md, frames built from its rules, garbage, and random bytes."""
import itertools
import random
from decimal import Decimal as D

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from addons.weighing.drivers import DRIVERS, ParseError, create
from addons.weighing.drivers.base import xor_hex


def readings(name, data, **options):
    driver = create(name, **options)
    return driver, driver.feed(data)


def test_every_family_and_variant_has_a_driver():
    assert set(DRIVERS) >= {"mt_sics", "toledo_continuous", "toledo_8217", "xk3190_tf0", "xk3190_tf1",
                            "xk3190_eq", "xk3190_eq_reversed", "xk3190_a12", "st_gs"}


def test_mt_sics_answers():
    driver, got = readings("mt_sics", b"S S     2.50 kg\r\nS D     2.48 kg\r\nS -\r\nS +\r\nZ A\r\nES\r\nS S 5.1 lb\r\n")
    assert [(r.weight, r.stable, r.status) for r in got] == [
        (D("2.50"), True, "ok"), (D("2.48"), False, "ok"), (D("0"), False, "underload"), (D("0"), False, "overload"),
        (D("0"), False, "error"), (D("5.1") * D("0.45359237"), True, "ok")]      # ES: the desk shows an error
    assert driver.dropped == 1 and driver.request == b"SI\r\n"                # Z A is no weight


def toledo_frame(swa, swb, swc, weight, tare=b"", checksum=True):
    body = b"\x02" + bytes([swa, swb, swc]) + weight + tare + b"\r"
    return body + (bytes([(-sum(body)) % 128]) if checksum else b"")


def test_toledo_continuous_examples_and_rules():
    _, got = readings("toledo_continuous", b"\x02,0 004550000000\r'" + b"\x02,9 001200000300\r&")
    assert [(r.weight, r.stable, r.net, r.tare) for r in got] == [(D("45.50"), True, False, D("0.00")),
                                                                  (D("12.00"), False, True, D("3.00"))]
    # parity bits set on every byte (7E1 seen as 8 bits), a short frame without tare or checksum, lb, g, negative
    parity = bytes(b | 0x80 for b in toledo_frame(0x2C, 0x30, 0x20, b"001234", b"000000"))
    short = toledo_frame(0x2B, 0x30, 0x20, b"  1234", checksum=False)                 # XXXXX.X, spaces
    pounds = toledo_frame(0x2A, 0x20, 0x20, b"000010")                                   # 10 lb
    grams = toledo_frame(0x2A, 0x30, 0x21, b"000250")                                    # 250 g
    negative = toledo_frame(0x2C, 0x32, 0x20, b"000150")
    _, got = readings("toledo_continuous", parity + short + pounds + grams + negative)
    assert [r.weight for r in got] == [D("12.34"), D("123.4"), D("4.5359237"), D("0.250"), D("-1.50")]
    assert got[1].tare is None and got[2].unit == "lb"


def test_toledo_continuous_drops_bad_checksums_and_resynchronises():
    good = toledo_frame(0x2C, 0x30, 0x20, b"004550", b"000000")
    bad = good[:-1] + bytes([(good[-1] + 1) % 128])
    driver, got = readings("toledo_continuous", b"noise\x02\x02" + bad + good[:7])
    assert got == []
    got = driver.feed(good[7:] + good)
    assert [r.weight for r in got] == [D("45.50"), D("45.50")] and driver.dropped >= 1


def test_toledo_8217():
    driver, got = readings("toledo_8217", b"\x02?A\r\x020012.345\r\x0200003.2N\r\x02?B\r")
    assert [(r.weight, r.stable, r.net, r.status) for r in got] == [
        (D("0"), False, False, "ok"), (D("12.345"), True, False, "ok"), (D("3.2"), True, True, "ok"),
        (D("0"), False, False, "overload")]
    assert driver.request == b"W"


def xk_frame(sign, digits, decimals):
    body = sign + digits + decimals
    return b"\x02" + body + xor_hex(body) + b"\x03"


def test_xk3190_continuous_examples_rule_and_inferred_stability():
    examples = b"\x02+01250011C\x03\x02-000350219\x03\x02+004820015\x03"
    _, got = readings("xk3190_tf0", examples)
    assert [r.weight for r in got] == [D("1250.0"), D("-3.50"), D("4820")]
    assert xk_frame(b"+", b"012500", b"1") == b"\x02+01250011C\x03"
    ticks = itertools.count(0, 0.5)                          # frames half a second apart
    driver = create("xk3190_tf0", stable_count=3, stable_window=1.0, clock=lambda: next(ticks))
    got = [r for _ in range(4) for r in driver.feed(xk_frame(b"+", b"001234", b"2"))]
    assert [r.stable for r in got] == [False, False, True, True]   # stable once equal readings span a second
    broken = b"\x02+01250011D\x03"                                 # wrong checksum
    got = driver.feed(broken + xk_frame(b"+", b"001234", b"2"))
    assert [r.weight for r in got] == [D("12.34")] and driver.dropped == 1


def test_xk3190_command_mode():
    driver = create("xk3190_tf1", address="A", command="B")
    assert driver.request == b"\x02AB" + xor_hex(b"AB") + b"\x03"
    body = b"AD" + b"+" + b"002500" + b"2"
    got = driver.feed(b"\x02" + body + xor_hex(body) + b"\x03")
    assert [(r.weight, r.net) for r in got] == [(D("25.00"), True)]


def test_xk3190_equals_formats():
    _, got = readings("xk3190_eq_reversed", b"=0045.200=0045.200=0045.200=")
    assert [r.weight for r in got] == [D("2.5400")] * 3
    _, got = readings("xk3190_eq_reversed", b"=052.100-=")                 # -001.250 written backwards
    assert [r.weight for r in got] == [D("-1.250")]
    _, got = readings("xk3190_eq", b"=0002.540=0002.540=")
    assert [r.weight for r in got] == [D("2.540")] * 2


def test_xk3190_a12_frames():
    data = b"WN012.500kg3D\r\nWG-00.350kg29\r\n"
    overload = b"WG     OLkg" + xor_hex(b"WG     OLkg") + b"\r\n"
    clone = b"wn012.500kg\r\n"
    wrong = b"WN012.500kg3E\r\n"
    driver, got = readings("xk3190_a12", data + overload + clone + wrong)
    assert [(r.weight, r.net, r.status) for r in got] == [(D("12.500"), True, "ok"), (D("-0.350"), False, "ok"),
                                                          (D("0"), False, "overload"), (D("12.500"), True, "ok")]
    assert driver.dropped == 1


def test_st_gs_lines():
    data = b"ST,GS,+0025.60kg\r\nUS,NT,+0003.10kg\r\nOL,GS,+9999.99kg\r\nST,GS,-0000.40kg\r\n"
    _, got = readings("st_gs", data)
    assert [(r.weight, r.stable, r.net, r.status) for r in got] == [
        (D("25.60"), True, False, "ok"), (D("3.10"), False, True, "ok"), (D("9999.99"), False, False, "overload"),
        (D("-0.40"), True, False, "ok")]
    _, got = readings("st_gs", b"ST,NT,01,\x8a+  12.5 lb\r\n")          # CAS: an ID and a lamp byte
    assert [(r.weight, r.stable, r.net) for r in got] == [(D("12.5") * D("0.45359237"), True, True)]


FRAMES = {
    "mt_sics": b"S S     2.50 kg\r\n",
    "toledo_continuous": b"\x02,0 004550000000\r'",
    "toledo_8217": b"\x020012.345\r",
    "xk3190_tf0": b"\x02+01250011C\x03",
    "xk3190_tf1": b"\x02AB+0025002" + xor_hex(b"AB+0025002") + b"\x03",
    "xk3190_eq": b"=0002.540",
    "xk3190_eq_reversed": b"=0045.200",
    "xk3190_a12": b"WN012.500kg3D\r\n",
    "st_gs": b"ST,GS,+0025.60kg\r\n",
}
# Noise holds no byte that starts or ends a frame, also once the parity bit is masked (7E1 lines)
GARBAGE = st.binary(max_size=40).filter(lambda b: not any((c & 0x7F) in b"\x02\x03=\r\nWwSsTUOL" for c in b))


@pytest.mark.parametrize("name", sorted(FRAMES))
@settings(max_examples=150, deadline=None)
@given(data=st.binary(max_size=300), chunks=st.lists(st.integers(1, 50), max_size=10))
def test_random_bytes_never_raise(name, data, chunks):
    driver = create(name)
    start = 0
    for size in chunks + [len(data)]:
        for reading in driver.feed(data[start:start + size]):
            assert reading.weight is not None
        start += size
    try:
        driver.parse(data)
    except ParseError:
        pass


@pytest.mark.parametrize("name", sorted(FRAMES))
@settings(max_examples=100, deadline=None)
@given(noise=st.lists(GARBAGE, min_size=1, max_size=6), split=st.integers(1, 7))
def test_frames_in_garbage_are_all_recovered(name, noise, split):
    frame = FRAMES[name]
    stream = b"".join(n + frame for n in noise)
    if name.startswith("xk3190_eq"):
        stream += b"="                         # a frame of that format ends where the next begins
    driver = create(name)
    got = []
    for start in range(0, len(stream), split):
        got += driver.feed(stream[start:start + split])
    expected = create(name).feed(frame + (b"=" if name.startswith("xk3190_eq") else b""))
    assert len(got) == len(noise) and {r.weight for r in got} == {expected[0].weight}


def test_a_long_random_stream_with_frames_keeps_memory_bounded():
    rng = random.Random(5)
    driver = create("toledo_continuous")
    for _ in range(2000):
        driver.feed(bytes(rng.randrange(256) for _ in range(50)))
    assert len(driver.buffer) <= driver.max_buffer


def test_a_large_read_after_a_stall_loses_no_frame():
    frame = FRAMES["st_gs"]
    driver = create("st_gs")
    assert len(driver.feed(frame * 2000)) == 2000          # 36 kB in one read
