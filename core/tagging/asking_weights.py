"""Weights of ``core.tagging.asking`` (written by ``benchmarks/tagging/run.py --fit``).

Fit on every interview of benchmarks/tagging/data, benchmarks/tagging/data-blind/en, benchmarks/tagging/data-blind2/en, benchmarks/tagging/data-es, benchmarks/tagging/data-blind/es, benchmarks/tagging/data-blind2/es (decision 0205).
"""

# text: +4.388
# probe: +0.452
# best_rel: +2.030
# wording: -0.125
# wording_rel: -0.621
# fit: -1.170
# fit_rel: +1.208
# pair: -0.396
# pair_rel: +2.648
# combined: +1.643
# combined_rel: +1.605
# order: +2.241
# long_fit_rel: +1.800
# theme: -0.479
# theme_rel: +3.509
# topic_words_rel: +1.498
# opening: +1.439
# peak_rel: +2.553
QUESTION_WEIGHTS = (4.3882, 0.4519, 2.0297, -0.1249, -0.6207, -1.17, 1.2077, -0.3956, 2.6479, 1.6428, 1.605, 2.2409, 1.8003, -0.4786, 3.5093, 1.4982, 1.4392, 2.553)
# form: -0.584
# question_mark: -0.905
# question_like: -1.228
# length: +1.276
# answer_after: -0.750
# asking_before: +1.638
# asking_after: -1.245
# best_wording: -0.865
# plain: -0.822
# plain_form: -1.081
# bias: +4.991
# follow_sim: +0.814
# follow_words: +0.782
# best_sim: +0.169
# short: +0.225
NONE_WEIGHTS = (-0.584, -0.9052, -1.2279, 1.2762, -0.7504, 1.638, -1.2454, -0.8652, -0.8223, -1.0808, 4.9911, 0.814, 0.7821, 0.1693, 0.2253)
