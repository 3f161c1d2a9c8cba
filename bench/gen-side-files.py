#!/usr/bin/env python3
"""Side files for a generated transactions file (bench/README.md, "Side files scored in parts"): customers.csv listing
90 % of its buyers and PROSPECTS customers who never bought, interactions.csv (INTERACTIONS rows, 10 % of them of
prospects) and surveys.csv (SURVEYS rows), Chinese headers as Chinese exports name them, seed 7.

usage: bench/gen-side-files.py TRANSACTIONS OUT_DIR [PROSPECTS] [INTERACTIONS] [SURVEYS]
"""
import os
import random
import sys

tx, out = sys.argv[1], sys.argv[2]
prospects = int(sys.argv[3]) if len(sys.argv) > 3 else 100_000
interactions = int(sys.argv[4]) if len(sys.argv) > 4 else 1_000_000
surveys = int(sys.argv[5]) if len(sys.argv) > 5 else 300_000
random.seed(7)
ids, seen = [], set()
with open(tx, encoding='utf-8') as f:
    next(f)
    for line in f:
        c = line.split(',', 1)[0]
        if c not in seen:
            seen.add(c)
            ids.append(c)
os.makedirs(out, exist_ok=True)
sizes = ['大型', '中型', '小型', '微型', '']
regions = ['华东', '华北', '华南', '西南', '华中']
industries = ['制造', '零售', '金融服务', '物流', '教育']
with open(os.path.join(out, 'customers.csv'), 'w', encoding='utf-8') as f:
    f.write('客户编号,客户名称,行业,规模,地区,负责人,创建日期\n')
    for i, c in enumerate(ids):
        if random.random() < 0.1:
            continue
        f.write(f'{c},公司{i},{random.choice(industries)},{random.choice(sizes)},{random.choice(regions)},'
                f'sales{i % 50},2020-01-01\n')
    for p in range(prospects):
        f.write(f'P{p:07d},潜客{p},{random.choice(industries)},{random.choice(sizes)},{random.choice(regions)},'
                f'sales{p % 50},2021-03-01\n')
types = ['电话', '拜访', '投诉', '咨询']
with open(os.path.join(out, 'interactions.csv'), 'w', encoding='utf-8') as f:
    f.write('customer_id,time,type,channel,outcome\n')
    for _ in range(interactions):
        c = random.choice(ids) if random.random() < 0.9 or prospects == 0 else f'P{random.randrange(prospects):07d}'
        f.write(f'{c},2024-{random.randint(1, 12):02d}-{random.randint(1, 28):02d} 10:00,{random.choice(types)},'
                'phone,done\n')
with open(os.path.join(out, 'surveys.csv'), 'w', encoding='utf-8') as f:
    f.write('客户编号,日期,NPS,CSAT\n')
    for _ in range(surveys):
        f.write(f'{random.choice(ids)},2024-{random.randint(1, 12):02d}-{random.randint(1, 28):02d},'
                f'{random.randint(0, 10)},{random.randint(1, 5)}\n')
