#!/usr/bin/env python3
"""Aggregates a JFR recording's samples per phase of a load.csv: top frames, and shares by package.

  jfr print --stack-depth 64 --events jdk.ExecutionSample rec.jfr > samples.txt
  bench/whatsapp/jfr_top.py samples.txt results/<run>/load.csv [phase,rate ...]

For each phase (e.g. whatsapp,1000), over the samples taken between its start_ms and end_ms: the share of
samples whose top frame is in each package (first three name parts), the share of samples with a frame of each
package anywhere in the stack ("inclusive"), and the top frames. Times in the recording are read as UTC.
"""
import collections, datetime, re, sys

def events(path):
    event = None
    for line in open(path, encoding='utf-8', errors='replace'):
        line = line.rstrip('\n')
        if line.startswith('jdk.'):
            event = {'frames': [], 'thread': ''}
        elif event is None:
            continue
        elif line.strip().startswith('startTime = '):
            m = re.search(r'(\d\d):(\d\d):(\d\d)\.(\d+) \((\d{4})-(\d\d)-(\d\d)\)', line)
            h, mi, s, ms, y, mo, d = m.groups()
            t = datetime.datetime(int(y), int(mo), int(d), int(h), int(mi), int(s), int(ms.ljust(3, '0')[:3]) * 1000,
                                  tzinfo=datetime.timezone.utc)
            event['t'] = t.timestamp() * 1000
        elif line.strip().startswith('sampledThread = ') or line.strip().startswith('eventThread = '):
            event['thread'] = line.split('"')[1] if '"' in line else ''
        elif line.startswith('    ') and not line.strip().startswith('...') and '(' in line:
            event['frames'].append(re.sub(r'\(.*', '', line.strip()))
        elif line == '}':
            yield event
            event = None

SELECTED = ['io.lettuce', 'io.github.bucket4j', 'io.r2dbc', 'com.fasterxml.jackson', 'com.sun.crypto.provider.HmacCore',
            'dev.punchcard.webhooks.whatsapp', 'dev.punchcard.bot.telegram', 'dev.punchcard.bot.intake', 'dev.punchcard',
            'org.springframework.security', 'io.micrometer']

def package(frame, parts=3):
    return '.'.join(frame.split('.')[:parts])

def main():
    samples, load = sys.argv[1], sys.argv[2]
    wanted = set(sys.argv[3:])
    phases = []
    for line in open(load):
        f = line.strip().split(',')
        if len(f) >= 12 and not f[0].startswith('#') and f[1].isdigit():
            if not wanted or f'{f[0]},{f[1]}' in wanted:
                phases.append((f[0], f[1], int(f[10]), int(f[11])))
    evs = [e for e in events(samples) if e['frames'] and 't' in e]
    for name, rate, a, b in phases:
        inside = [e for e in evs if a <= e['t'] <= b]
        n = len(inside)
        print(f'== {name} {rate}/s: {n} samples')
        if not n:
            continue
        top = collections.Counter(package(e['frames'][0]) for e in inside)
        incl = collections.Counter()
        for e in inside:
            for p in {package(fr) for fr in e['frames']}:
                incl[p] += 1
        frames = collections.Counter(e['frames'][0] for e in inside)
        picked = ', '.join(f'{p} {100 * sum(1 for e in inside if any(f.startswith(p) for f in e["frames"])) / n:.1f}%'
                           for p in SELECTED)
        print('  top frame by package:   ' + ', '.join(f'{p} {c * 100 / n:.1f}%' for p, c in top.most_common(12)))
        print('  inclusive by package:   ' + ', '.join(f'{p} {c * 100 / n:.1f}%' for p, c in incl.most_common(16)))
        print('  selected, inclusive:   ' + picked)
        print('  top frames:')
        for fr, c in frames.most_common(12):
            print(f'    {c * 100 / n:5.1f}%  {fr}')

if __name__ == '__main__':
    main()
