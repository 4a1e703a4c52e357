"""`make eval`: retrieval quality of recall on the suite in `bench/recall_data`, scored
against plain BM25 and dense-only baselines computed in the same run over the same memories."""
