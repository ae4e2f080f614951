#!/usr/bin/env python3
"""A small OSC client for the explorer's smoke test (the standard library only).

osc_client.py state PORT   prints "seed scale depth" from the state the explorer sends back
osc_client.py garbage PORT sends a packet that is not OSC
osc_client.py flood PORT   sends 10 000 scale messages over one second while asking for the
                           state every 100 ms; prints the slowest answer in ms
"""
import json
import socket
import struct
import sys
import threading
import time


def pad(b):
    return b + b"\0" * (4 - len(b) % 4)


def message(address, types="", *args):
    out = pad(address.encode()) + pad(("," + types).encode())
    for t, a in zip(types, args):
        out += struct.pack(">i", a) if t == "i" else struct.pack(">f", a) if t == "f" else pad(a.encode())
    return out


def first_string(packet):
    """The first string argument of an OSC message."""
    address_end = packet.index(b"\0")
    types_at = (address_end // 4 + 1) * 4
    types_end = packet.index(b"\0", types_at)
    at = (types_end // 4 + 1) * 4
    return packet[at:packet.index(b"\0", at)].decode()


def ask_state(sock, port):
    start = time.monotonic()
    sock.sendto(message("/primordial/state"), ("127.0.0.1", port))
    packet, _ = sock.recvfrom(65536)
    return json.loads(first_string(packet)), (time.monotonic() - start) * 1000


def client():
    sock = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
    sock.bind(("127.0.0.1", 0))
    sock.settimeout(3)
    return sock


def main():
    what, port = sys.argv[1], int(sys.argv[2])
    if what == "state":
        state, _ = ask_state(client(), port)
        net = state["params"]["network"]
        print(net["seed"], net["scale"], net["depth"])
    elif what == "garbage":
        client().sendto(b"not osc at all", ("127.0.0.1", port))
    elif what == "flood":
        def flood():
            sender = client()
            for batch in range(100):
                for k in range(100):
                    sender.sendto(message("/primordial/scale", "f", 0.5 + (batch * 100 + k) * 1e-5),
                                  ("127.0.0.1", port))
                time.sleep(0.01)
        t = threading.Thread(target=flood)
        sock = client()
        t.start()
        worst = 0.0
        while t.is_alive():
            _, ms = ask_state(sock, port)
            worst = max(worst, ms)
            time.sleep(0.1)
        t.join()
        print(f"{worst:.1f}")


if __name__ == "__main__":
    main()
