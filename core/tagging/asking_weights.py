"""Weights of ``core.tagging.asking`` (written by ``benchmarks/tagging/run.py --fit``).

Fit on every interview of benchmarks/tagging/data, benchmarks/tagging/data-blind/en, benchmarks/tagging/data-blind2/en, benchmarks/tagging/data-es, benchmarks/tagging/data-blind/es, benchmarks/tagging/data-blind2/es (decision 0205).
"""

# text: +4.477
# probe: +0.356
# best_rel: +2.094
# wording: -0.175
# wording_rel: -0.598
# fit: -1.153
# fit_rel: +1.195
# pair: -0.340
# pair_rel: +2.714
# combined: +1.599
# combined_rel: +1.565
# order: +2.399
# long_fit_rel: +1.784
# theme: -0.527
# theme_rel: +3.456
# topic_words_rel: +1.509
# opening: +1.240
# peak_rel: +2.601
QUESTION_WEIGHTS = (4.4772, 0.3564, 2.0939, -0.1752, -0.5985, -1.1527, 1.1951, -0.3396, 2.7144, 1.5988, 1.5646, 2.3993, 1.7842, -0.5268, 3.4558, 1.5091, 1.2405, 2.6015)
# form: -0.624
# question_mark: -0.903
# question_like: -1.208
# length: +1.300
# answer_after: -0.730
# asking_before: +1.763
# asking_after: -1.310
# best_wording: -0.865
# plain: -0.830
# plain_form: -1.059
# bias: +4.834
# follow_sim: +0.909
# follow_words: +0.785
# best_sim: +0.150
# short: +0.215
NONE_WEIGHTS = (-0.6239, -0.9033, -1.2077, 1.2996, -0.7298, 1.7626, -1.3095, -0.865, -0.8303, -1.0593, 4.8337, 0.9091, 0.7853, 0.1496, 0.2146)
