# The test builds this twice: with `-D html_theme=classic` (the look of the Python docs) and
# with Sphinx's default, alabaster.
project = "Contoso Docs"
copyright = "Contoso Footer Ltd"
release = "3.11"
language = "en"
html_theme = "alabaster"
html_permalinks = True
