"""ray-cluster.yaml is a valid cluster-launcher config that autoscales agent workers."""

from __future__ import annotations

import copy
from pathlib import Path

import yaml
from ray.autoscaler._private.util import prepare_config, validate_config

CONFIG = Path(__file__).resolve().parents[2] / "ray-cluster.yaml"


def test_cluster_yaml_passes_rays_schema() -> None:
    raw = yaml.safe_load(CONFIG.read_text())
    validate_config(prepare_config(copy.deepcopy(raw)))


def test_agent_workers_provide_agent_slots_and_autoscale() -> None:
    raw = yaml.safe_load(CONFIG.read_text())
    types = raw["available_node_types"]
    worker = types["agent_worker"]
    assert worker["resources"]["agent_slot"] > 0
    assert 0 <= worker["min_workers"] < worker["max_workers"]
    assert types[raw["head_node_type"]]["resources"]["agent_slot"] == 0
    assert raw["idle_timeout_minutes"] > 0
