"""Scale readings that cannot lie: no weight from a torn frame, no stable weight from a settling load,
states that are states, and the frames of real indicators and their clones."""
import itertools
from decimal import Decimal as D

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from addons.weighing.drivers import create
from addons.weighing.drivers.base import Reading, Stability, xor_hex


def _toledo(weight: D) -> bytes:          # XXXX.XX, gross, kg, stable, with tare and checksum
    body = b"\x02" + bytes([0x2C, 0x30, 0x20]) + b"%06d" % int(weight * 100) + b"000000\r"
    return body + bytes([(-sum(body)) % 128])


def _xk(body: bytes) -> bytes:
    return b"\x02" + body + xor_hex(body) + b"\x03"


def _a12(weight: D) -> bytes:
    head = b"WN" + b"%07.3f" % weight + b"kg"
    return head + xor_hex(head) + b"\r\n"


BUILD = {    # a valid frame of each protocol for a weight (kg, two or three decimals)
    "mt_sics": lambda w: b"S S %10.2f kg\r\n" % w,
    "toledo_continuous": _toledo,
    "toledo_8217": lambda w: b"\x02%08.3f\r" % w,
    "xk3190_tf0": lambda w: _xk(b"+%06d2" % int(w * 100)),
    "xk3190_tf1": lambda w: _xk(b"AB+%06d2" % int(w * 100)),
    "xk3190_eq": lambda w: b"=%08.3f" % w,
    "xk3190_eq_reversed": lambda w: b"=" + (b"%08.3f" % w)[::-1],
    "xk3190_a12": _a12,
    "st_gs": lambda w: b"ST,GS,+%07.2fkg\r\n" % w,
}
# Line noise: control bytes that start or end no frame, also with the parity bit set (7E1 seen as 8 bits)
NOISE_BYTES = [b for b in range(256) if (b & 0x7F) < 0x20 and (b & 0x7F) not in (0x02, 0x03, 0x0A, 0x0D)]
NOISE = st.binary(min_size=1, max_size=6).map(lambda raw: bytes(NOISE_BYTES[b % len(NOISE_BYTES)] for b in raw))
PIECE = st.tuples(st.integers(1, 99_999), st.sampled_from(["whole", "head", "tail", "middle"]),
                  st.integers(1, 1000), st.integers(1, 1000))


def _cut(frame: bytes, how: str, a: int, b: int) -> bytes:
    if how == "whole":
        return frame
    i, j = sorted((1 + a % (len(frame) - 1), 1 + b % (len(frame) - 1)))
    return {"head": frame[:i], "tail": frame[i:], "middle": frame[i:max(j, i + 1)]}[how]


@pytest.mark.parametrize("name", sorted(BUILD))
@settings(max_examples=120, deadline=None)
@given(pieces=st.lists(st.tuples(PIECE, NOISE), min_size=1, max_size=12), chunk=st.integers(1, 23))
def test_no_reading_comes_from_a_torn_frame(name, pieces, chunk):
    stream, whole = b"", []
    for (grams, how, a, b), noise in pieces:
        weight = D(grams) / 100
        frame = BUILD[name](weight)
        stream += _cut(frame, how, a, b) + noise
        if how == "whole":
            whole.append(weight)
    if name.startswith("xk3190_eq"):
        stream += b"="                  # a frame of these formats ends where the next begins
    driver = create(name)
    got = [r for start in range(0, len(stream), chunk) for r in driver.feed(stream[start:start + chunk])]
    assert [r.weight for r in got] == whole


def _settling(start, target, per_second, fps, e):
    """A load moving towards `target` by `per_second` kg/s, read `fps` times a second, shown to the division."""
    t, weight, out = 0.0, start, []
    step = per_second / fps
    while abs(target - weight) > step:
        weight += step if target > weight else -step
        shown = (D(str(weight)) / e).to_integral_value() * e
        out.append((shown, t))
        t += 1 / fps
    return out


@settings(max_examples=200, deadline=None)
@given(start=st.integers(0, 2000), target=st.integers(0, 2000), fps=st.integers(4, 20),
       speed=st.integers(3, 40), e=st.sampled_from([D("0.01"), D("0.02"), D("0.05"), D("0.1"), D("1")]))
def test_a_settling_load_is_never_stable_under_the_default_rule(start, target, fps, speed, e):
    """Moving by more than 2 e a second, however slowly the readings change from one frame to the next."""
    rule = Stability(division=e)              # the station's defaults: 3 frames, 1 second, ±1 e
    per_second = float(e) * (2 + speed / 10)
    for shown, at in _settling(float(start) * float(e), float(target) * float(e), per_second, fps, e):
        assert not rule.judge(Reading(weight=shown, at=at)).stable


def test_a_resting_load_becomes_stable_after_a_second_within_one_division():
    rule = Stability(division=D("0.02"))
    noisy = [D("25.60"), D("25.61"), D("25.60"), D("25.59"), D("25.60"), D("25.61"), D("25.60")]
    judged = [rule.judge(Reading(weight=w, at=i * 0.25)).stable for i, w in enumerate(noisy)]
    assert judged == [False, False, False, False, True, True, True]     # from the reading a second after the first
    assert not rule.judge(Reading(weight=D("25.65"), at=1.75)).stable   # 2.5 e away from one of the last second
    # the old rule passed three equal frames in a fifth of a second of a load still moving
    settling = Stability(division=D("0.01"))
    frames = [(D("20.00"), 0.0), (D("20.00"), 0.06), (D("20.00"), 0.12), (D("20.05"), 0.18)]
    assert not any(settling.judge(Reading(weight=w, at=t)).stable for w, t in frames)


def test_overload_underload_and_error_are_states_not_silence():
    cases = {
        "mt_sics": (b"S +\r\nS -\r\nES\r\nEL\r\n", ["overload", "underload", "error", "error"]),
        "st_gs": (b"OL,GS,+9999.99kg\r\nLO\r\n", ["overload", "underload"]),
        "xk3190_a12": (b"WG     OLkg" + xor_hex(b"WG     OLkg") + b"\r\nwg   lokg\r\n", ["overload", "underload"]),
        "toledo_8217": (b"\x02?B\r\x02?D\r", ["overload", "underload"]),
        "toledo_continuous": (None, ["overload", "underload"]),
    }
    out_of_range = (b"\x02" + bytes([0x2C, 0x34, 0x20]) + b"999999000000\r",    # SWB bit 2: out of range
                    b"\x02" + bytes([0x2C, 0x36, 0x20]) + b"000100000000\r")    # ... and negative: under zero
    for name, (data, states) in cases.items():
        data = data if data is not None else b"".join(f + bytes([(-sum(f)) % 128]) for f in out_of_range)
        got = create(name).feed(data)
        assert [r.status for r in got] == states, name
        assert not any(r.stable for r in got)


def test_frames_of_real_indicators_and_clones():
    # IND245 truck scale counting by 20 kg (SWA 0x31: XXXXX0, x2): the digits already hold the dummy zero
    frame = b"\x02" + bytes([0x31, 0x30, 0x20]) + b"004560000000\r"
    (reading,) = create("toledo_continuous").feed(frame + bytes([(-sum(frame)) % 128]))
    assert reading.weight == D("4560") and reading.stable
    frame = b"\x02" + bytes([0x30, 0x30, 0x20]) + b"012300000000\r"            # XXXX00: 12,300 kg
    (reading,) = create("toledo_continuous").feed(frame + bytes([(-sum(frame)) % 128]))
    assert reading.weight == D("12300")
    # ST,GS with no commas, with a comma before the unit, with spaces; one layout per indicator
    for line, weight in [(b"STGS+0025.60kg\r\n", D("25.60")), (b"ST,GS,+0025.60,kg\r\n", D("25.60")),
                         (b"ST,GS, 25.60 kg\r\n", D("25.60")), (b"ST GS +  25.6 lb\r\n", D("25.6") * D("0.45359237"))]:
        assert [r.weight for r in create("st_gs").feed(line * 2)] == [weight, weight], line
    # A12 clones: lower case, `ww` for gross, another length, lb; upper case frames keep their checksum
    clone = create("xk3190_a12").feed(b"ww0012.50kg\r\nwn 12.5lb\r\nWN012.500kg\r\n")
    assert [(r.weight, r.net) for r in clone] == [(D("12.50"), False), (D("12.5") * D("0.45359237"), True)]


def test_a_unit_letter_means_what_the_station_says():
    line = b"ST,GS,+0001.00t\r\n"
    assert create("st_gs").feed(line)[0].weight == D("1000")                       # tonnes by default
    assert create("st_gs", units="t=tola").feed(line)[0].weight == D("0.0116638038")   # a tola indicator


def test_a_new_connection_starts_a_new_stream():
    driver = create("st_gs")
    assert driver.feed(b"ST,GS,+002") == []          # cut off by a reconnect
    driver.reset()
    assert [r.weight for r in driver.feed(b"5.60kg\r\nST,GS,+0030.00kg\r\n")] == [D("30.00")]


def test_a_line_that_lost_bytes_on_the_way_is_dropped():
    driver = create("st_gs")
    got = driver.feed(b"ST,GS,+0025.60kg\r\nST,GS,+0027kg\r\nST,GS,+0025.60kg\r\n")   # an overrun ate ".5"
    assert [r.weight for r in got] == [D("25.60"), D("25.60")] and driver.dropped == 1


def test_stability_follows_the_station_clock_not_the_frame_count():
    ticks = itertools.count(0, 0.05)                 # 20 frames a second
    driver = create("xk3190_tf0", division="0.01", clock=lambda: next(ticks))
    frame = _xk(b"+0012342")
    judged = [r.stable for _ in range(25) for r in driver.feed(frame)]
    assert judged.index(True) == 20                  # three equal frames were not enough; a second of them is


def test_auto_detect_tells_the_equals_orders_apart_by_plausibility_or_says_it_cannot():
    from addons.weighing.detect import classify
    moving = [D("0.500") * n for n in range(1, 9)] + [D("4.000")] * 4        # a load put on, then resting
    normal = b"".join(b"=%08.3f" % w for w in moving) + b"="
    reversed_order = b"".join(b"=" + (b"%08.3f" % w)[::-1] for w in moving) + b"="
    assert classify(normal).protocol == "xk3190_eq"
    assert classify(reversed_order).protocol == "xk3190_eq_reversed"
    resting = b"=0045.200" * 12 + b"="          # 45.2 one way, 2.54 the other, never moving: cannot be told
    found = classify(resting)
    assert found.protocol is None and found.ambiguous
    assert found.candidates == ["xk3190_eq", "xk3190_eq_reversed"]
    # a capacity settles it where the values cannot: a 30 kg scale does not show 45.2 kg
    assert classify(resting, capacity=D("30")).protocol == "xk3190_eq_reversed"
    assert classify(_toledo(D("12.50")) * 5).protocol == "toledo_continuous"


def test_the_desk_shows_overload_as_overload_not_offline(ctx, demo):
    from addons.weighing.agent import publish
    from addons.weighing.models.live import LiveReading
    from addons.weighing.models.station import Station
    from addons.weighing.views import live_json
    station = Station.create(plant=demo["P1"], code="OL", name="Overloaded", port_url="loop://", protocol="st_gs")
    for status, label in [("overload", "Overload"), ("underload", "Underload"), ("error", "Scale error")]:
        publish(station.id, Reading(weight=D("0"), status=status))
        with ctx.test_request_context():
            shown = live_json(LiveReading.get(LiveReading.station == station.id), station)
        assert shown["online"] and shown["label"] == label and shown["status"] == status
