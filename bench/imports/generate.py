#!/usr/bin/env python3
"""Writes a members file and a purchases file for the imports benchmark (README "Imports" formats).

   generate.py OUT_DIR MEMBERS PURCHASES STORE_CODE...

Members M-0..M-(n-1) with unique phones; purchases R-0.. spread over the members at random (seeded), over the
last year, 1.00-99.99, one in five with two line items."""
import random
import sys
from datetime import datetime, timedelta, timezone

out, members, purchases, stores = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), sys.argv[4:]
rnd = random.Random(42)
with open(f"{out}/members.csv", "w", newline="") as f:
    f.write("external_id,name,phone,language,home_store,consent\r\n")
    for i in range(members):
        f.write(f"M-{i},Member {i},+49151{i:08d},{'en' if i % 3 else 'ru'},{stores[i % len(stores)]},"
                f"{'no' if i % 10 == 0 else 'yes'}\r\n")
start = datetime(2025, 12, 1, tzinfo=timezone.utc)
with open(f"{out}/purchases.csv", "w", newline="") as f:
    f.write("customer_external_id,card_code,phone,store,receipt_no,time,amount,items\r\n")
    for i in range(purchases):
        at = (start + timedelta(seconds=i * 31_536_000 // max(purchases, 1))).isoformat()
        cents = rnd.randint(100, 9999)
        items = ""
        if i % 5 == 0:
            half = cents // 2
            items = f"SKU-{i % 97}|1|{half // 100}.{half % 100:02d}|Coffee|drinks;SKU-{i % 89}|1|" \
                    f"{(cents - half) // 100}.{(cents - half) % 100:02d}"
        f.write(f"M-{rnd.randrange(members)},,,{stores[i % len(stores)]},R-{i},{at},"
                f"{cents // 100}.{cents % 100:02d},{items}\r\n")
