"""Benchmark of build time and memory: see generate.py and run.py."""
