"""Building content in code, for a site's tests, demos and benchmarks (the ``testing`` extra).

``factories`` has factory_boy factories for the snippets and pages; ``publishing`` the fast way
to publish many pages that they, the example project's demo and the benchmarks share.
"""
