"""The test site's own models: the home page its page tree starts from (see tests/builders.py).

The tests build on this rather than on the example project's home page, so the example can
change without moving them; the example's demo has tests of its own (tests/test_demo.py).
"""
