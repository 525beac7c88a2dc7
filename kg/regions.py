"""Region names the rules need without a model: China's province-level divisions
and major cities, to find a region nested at the head of an organization's name
(北京旷视科技有限公司 → 北京)."""
from __future__ import annotations

import re

PROVINCES = (
    "北京", "天津", "上海", "重庆", "河北", "山西", "辽宁", "吉林", "黑龙江", "江苏", "浙江", "安徽",
    "福建", "江西", "山东", "河南", "湖北", "湖南", "广东", "海南", "四川", "贵州", "云南", "陕西",
    "甘肃", "青海", "台湾", "内蒙古", "广西", "西藏", "宁夏", "新疆", "香港", "澳门",
)
MAJOR_CITIES = (
    "深圳", "广州", "杭州", "南京", "武汉", "成都", "西安", "苏州", "合肥", "济南", "青岛", "厦门",
    "宁波", "大连", "沈阳", "长沙", "郑州", "无锡", "东莞", "佛山", "福州", "昆明", "南昌", "贵阳",
    "太原", "石家庄", "哈尔滨", "长春", "南宁", "兰州", "乌鲁木齐", "呼和浩特", "银川", "西宁", "拉萨",
    "海口", "珠海", "常州", "温州", "烟台", "徐州",
)
COUNTRIES = ("中国", "美国", "日本", "韩国", "德国", "英国", "法国", "俄罗斯", "印度", "新加坡")
_SUFFIX = r"(?:省|市|特别行政区|自治区|壮族自治区|回族自治区|维吾尔自治区)?"
_NAMES = sorted(PROVINCES + MAJOR_CITIES + COUNTRIES, key=len, reverse=True)
_HEAD = re.compile(f"^(?:{'|'.join(_NAMES)}){_SUFFIX}")
_BRACKETED = re.compile(f"[（(]((?:{'|'.join(_NAMES)}){_SUFFIX})[）)]")


def nested_regions(name: str) -> list[tuple[int, int]]:
    """Offsets of regions inside an organization name: at its head, or in brackets."""
    out = []
    if (m := _HEAD.match(name)) and m.end() < len(name):
        out.append((0, m.end()))
    out.extend(m.span(1) for m in _BRACKETED.finditer(name))
    return out
