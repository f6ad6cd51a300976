#!/usr/bin/python3
"""Counts the operators in a PyTorch profiler Chrome trace of one training step (TrainStepBench, StepPhasesBench,
train_step.py, step_phases.py). Both sides are traced by PyTorch's own profiler, so the counts compare like with like:

- frontend ops: aten operators called by the program itself (from Java through JNI, or from Python), i.e. aten
  events with no aten or autograd-engine event around them; each is one dispatch from the host language;
- backward nodes: autograd functions the engine ran in backward (the graph the forward recorded);
- events: every event in the trace, nested ones included.

usage: count_ops.py TRACE.json [TOP]       prints one JSON line, with the TOP most frequent frontend ops
"""
import collections
import json
import sys


def load_events(path):
    trace = json.load(open(path))
    events = trace["traceEvents"] if isinstance(trace, dict) else trace
    return [e for e in events if e.get("ph") == "X"]


def count(path, top=0):
    """The counts of one trace as a dict."""
    events = load_events(path)
    frontend, backward = collections.Counter(), 0
    stacks = collections.defaultdict(list)  # per thread: end times and 'inside an op' flags of the open events
    for e in sorted(events, key=lambda e: (e["tid"], e["ts"], -e["dur"])):
        stack = stacks[e["tid"]]
        while stack and e["ts"] >= stack[-1][0]:
            stack.pop()
        name = e["name"]
        inside_op = bool(stack) and stack[-1][1]
        if name.startswith("autograd::engine::evaluate_function"):
            backward += 1
        elif name.startswith("aten::") and not inside_op:
            frontend[name] += 1
        is_op = name.startswith("aten::") or name.startswith("autograd::engine")
        stack.append((e["ts"] + e["dur"], inside_op or is_op))
    result = {"frontend_ops": sum(frontend.values()), "backward_nodes": backward, "events": len(events)}
    if top:
        result["most_frequent"] = frontend.most_common(top)
    return result


if __name__ == "__main__":
    print(json.dumps({"trace": sys.argv[1], **count(sys.argv[1], int(sys.argv[2]) if len(sys.argv) > 2 else 12)}))
