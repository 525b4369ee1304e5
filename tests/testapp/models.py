from wagtail.models import Page


class FrontPage(Page):
    """The root of the test site's page tree (not "HomePage": the example's, which the demo's
    tests need installed too, has that name)."""

    # The example site's, which the swapped test site's home page uses too.
    template = "home/home_page.html"
