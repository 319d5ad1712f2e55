#!/usr/bin/env python3
"""Share of a JFR recording's CPU samples whose stack contains each pattern.

A pattern is frame substrings joined by '&'; a '!' before one excludes stacks that contain it
("KafkaMessageListenerContainer&!io.cloudya": the listener container's own work, not our handlers).
--thread PREFIX keeps the samples of threads whose name starts with PREFIX. Run:
  jfr print --events jdk.ExecutionSample --stack-depth 128 part.jfr | bench/saga/jfr-share.py [--thread T] PATTERN...
"""
import re
import sys


def stacks(text, thread_prefix):
    for event in text.split('jdk.ExecutionSample')[1:]:
        thread = re.search(r'sampledThread = "([^"]*)"', event)
        if thread_prefix and not (thread and thread.group(1).startswith(thread_prefix)):
            continue
        frames = re.findall(r'^\s+([\w$.<>]+)\(', event, re.M)
        if frames:
            yield frames


def matches(frames, pattern):
    parts = pattern.split('&')
    wanted = [p for p in parts if not p.startswith('!')]
    unwanted = [p[1:] for p in parts if p.startswith('!')]
    has = lambda part: any(part in frame for frame in frames)
    return all(has(p) for p in wanted) and not any(has(p) for p in unwanted)


def main(args):
    thread_prefix = None
    if args[:1] == ['--thread']:
        thread_prefix, args = args[1], args[2:]
    samples = list(stacks(sys.stdin.read(), thread_prefix))
    print(f'{len(samples)} samples' + (f' of threads {thread_prefix}*' if thread_prefix else ''))
    for pattern in args:
        share = sum(1 for frames in samples if matches(frames, pattern)) / max(1, len(samples))
        print(f'{100 * share:5.1f}% {pattern}')


if __name__ == '__main__':
    main(sys.argv[1:])
