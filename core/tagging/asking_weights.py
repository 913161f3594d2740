"""Weights of ``core.tagging.asking`` (written by ``benchmarks/tagging/run.py --fit``).

Fit on the dev splits of benchmarks/tagging/data and data-es only.
"""

# text: +2.334
# probe: +0.718
# best_rel: +2.074
# wording: +0.716
# wording_rel: -0.254
# fit: -0.023
# fit_rel: +1.254
# pair: +0.166
# pair_rel: +2.427
# combined: +1.972
# combined_rel: +1.649
# order: +2.943
# long_fit_rel: +1.318
QUESTION_WEIGHTS = (2.3345, 0.7181, 2.0742, 0.7161, -0.2544, -0.0227, 1.2542, 0.1663, 2.4269, 1.9718, 1.6489, 2.9433, 1.3176)
# form: -0.048
# question_mark: -1.900
# question_like: -1.370
# length: +2.085
# answer_after: +0.474
# asking_before: +1.674
# asking_after: -0.754
# best_wording: -0.341
# plain: -0.598
# plain_form: -1.293
# bias: +3.366
NONE_WEIGHTS = (-0.0477, -1.8999, -1.3695, 2.0849, 0.4741, 1.6744, -0.754, -0.3409, -0.5976, -1.2927, 3.3657)
