"""Finding renderings in text, per language: text -> words -> keys -> matches.

- `tokenise`: words and the gaps between them (single characters in scripts written
  without spaces);
- `normalise`: typography-proof forms of words and gaps;
- `stemming`: Snowball stemmers (PyStemmer);
- `lemmas`: dictionary forms (simplemma), compiled per glossary into plain maps;
- `analyser`: a language's word -> key function (lemma, else stem; compounds; particles);
- `matcher`: the compiled index of all renderings and leftmost-longest matching.
"""
