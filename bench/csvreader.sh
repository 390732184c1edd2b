#!/usr/bin/env bash
# Reads one CSV file with dossier's CSVReader and with the CSV.swift
# package (release builds, two rounds each):  bench/csvreader.sh FILE.csv
set -euo pipefail
cd "$(dirname "$0")/csvreader"
swift build -c release --scratch-path ../../.build-csvbench 2>&1 | tail -n 1 >&2
../../.build-csvbench/release/CSVBench "$1"
