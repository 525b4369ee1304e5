"""What the site holds about one person, exported or erased: the ``person_data`` command."""
