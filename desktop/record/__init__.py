"""Record: one big record/stop button, pause, elapsed time, a polled level meter with
silence/clipping warnings, the guide panel with "Next question", an unmissable
"Off the record" switch, device choice, and the live transcript."""
