"""Weights of ``core.tagging.asking`` (written by ``benchmarks/tagging/run.py --fit``).

Fit on the dev splits of benchmarks/tagging/data and data-es only.
"""

# text: +2.395
# probe: +0.748
# best_rel: +2.214
# wording: +0.713
# wording_rel: -0.236
# fit: +0.204
# fit_rel: +1.599
# pair: +0.363
# pair_rel: +2.760
# combined: +2.083
# combined_rel: +1.733
QUESTION_WEIGHTS = (2.3946, 0.7477, 2.2145, 0.7133, -0.236, 0.2044, 1.5989, 0.3628, 2.7599, 2.0826, 1.7329)
# form: +0.184
# question_mark: -1.882
# question_like: -1.418
# length: +2.011
# answer_after: +0.537
# asking_before: +1.701
# asking_after: -0.610
# best_wording: -0.305
# plain: -0.589
# plain_form: -1.339
# bias: +3.900
NONE_WEIGHTS = (0.1838, -1.8822, -1.418, 2.0106, 0.5371, 1.7013, -0.6103, -0.3045, -0.5886, -1.3392, 3.9002)
