"""What the build writes once every page exists: sitemaps, security.txt, the search index, PDFs."""
