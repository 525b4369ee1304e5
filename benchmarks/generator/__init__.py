"""``generate_events``: many fictional events for the benchmarks and load tests.

A small Django app of the repository, not of the package: ``benchmarks.settings`` and the test
settings install it.
"""
