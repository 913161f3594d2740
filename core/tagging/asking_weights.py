"""Weights of ``core.tagging.asking`` (written by ``benchmarks/tagging/run.py --fit``).

Fit on every interview of benchmarks/tagging/data, benchmarks/tagging/data-blind/en, benchmarks/tagging/data-es, benchmarks/tagging/data-blind/es (decision 0205).
"""

# text: +3.634
# probe: +0.094
# best_rel: +1.982
# wording: +0.242
# wording_rel: -0.767
# fit: -0.865
# fit_rel: +1.368
# pair: +0.007
# pair_rel: +2.307
# combined: +2.012
# combined_rel: +1.463
# order: +2.560
# long_fit_rel: +1.818
# theme: -0.061
# theme_rel: +2.884
# topic_words_rel: +1.391
# opening: +1.849
# peak_rel: +1.865
QUESTION_WEIGHTS = (3.6344, 0.0938, 1.9824, 0.2423, -0.7672, -0.8652, 1.3679, 0.0075, 2.3075, 2.0117, 1.4625, 2.5596, 1.8184, -0.0611, 2.8843, 1.3911, 1.8489, 1.8645)
# form: -0.466
# question_mark: -1.693
# question_like: -1.050
# length: +1.878
# answer_after: -0.609
# asking_before: +1.826
# asking_after: -1.072
# best_wording: -0.691
# plain: -0.528
# plain_form: -1.283
# bias: +4.394
# follow_sim: +0.814
# follow_words: +0.551
# best_sim: +0.596
# short: +0.630
NONE_WEIGHTS = (-0.4665, -1.6927, -1.0497, 1.8776, -0.6094, 1.8257, -1.0717, -0.6915, -0.5276, -1.2827, 4.3939, 0.8141, 0.5508, 0.5956, 0.6301)
