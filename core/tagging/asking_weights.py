"""Weights of ``core.tagging.asking`` (written by ``benchmarks/tagging/run.py --fit``).

Fit on every interview of benchmarks/tagging/data, benchmarks/tagging/data-blind/en, benchmarks/tagging/data-es, benchmarks/tagging/data-blind/es (decision 0205).
"""

# text: +3.597
# probe: +0.085
# best_rel: +1.955
# wording: +0.183
# wording_rel: -0.866
# fit: -0.568
# fit_rel: +1.868
# pair: +0.036
# pair_rel: +2.310
# combined: +2.103
# combined_rel: +1.673
# order: +2.565
# long_fit_rel: +2.342
# theme: -0.061
# theme_rel: +2.906
# topic_words_rel: +1.362
# opening: +1.891
QUESTION_WEIGHTS = (3.5966, 0.0845, 1.9546, 0.1833, -0.8655, -0.5681, 1.8676, 0.0362, 2.3099, 2.103, 1.6729, 2.565, 2.3416, -0.0607, 2.9058, 1.3622, 1.8914)
# form: -0.444
# question_mark: -1.679
# question_like: -1.049
# length: +1.874
# answer_after: -0.541
# asking_before: +1.789
# asking_after: -1.098
# best_wording: -0.678
# plain: -0.517
# plain_form: -1.302
# bias: +4.431
# follow_sim: +0.801
# follow_words: +0.531
# best_sim: +0.604
# short: +0.640
NONE_WEIGHTS = (-0.4445, -1.6791, -1.049, 1.8736, -0.5406, 1.7888, -1.0978, -0.6777, -0.5168, -1.3023, 4.4307, 0.8006, 0.5311, 0.6036, 0.6399)
