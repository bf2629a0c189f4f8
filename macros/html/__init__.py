"""HTML text transforms: safe Markdown, language-marked text, links to other sites, glossary terms."""
