package org.onecampus.identity.internal.demo;

import java.util.ArrayList;
import java.util.List;
import java.util.random.RandomGenerator;

/**
 * Realistic Chinese names with their pinyin: surnames weighted by how common they are (roughly the
 * published national frequencies, per ten thousand people), given names of one or two characters
 * drawn from characters usual for men or for women.
 */
final class ChineseNames {

	/** Surname, pinyin, weight per ten thousand. */
	private static final String SURNAMES = """
			王 Wang 712 李 Li 700 张 Zhang 680 刘 Liu 540 陈 Chen 460 杨 Yang 310 黄 Huang 240 赵 Zhao 230
			吴 Wu 200 周 Zhou 190 徐 Xu 150 孙 Sun 150 马 Ma 130 朱 Zhu 130 胡 Hu 120 郭 Guo 120 何 He 110
			林 Lin 110 高 Gao 110 罗 Luo 100 郑 Zheng 97 梁 Liang 90 谢 Xie 81 宋 Song 76 唐 Tang 74 许 Xu 70
			韩 Han 68 冯 Feng 66 邓 Deng 65 曹 Cao 64 彭 Peng 60 曾 Zeng 59 肖 Xiao 58 田 Tian 54 董 Dong 52
			袁 Yuan 50 潘 Pan 49 于 Yu 48 蒋 Jiang 48 蔡 Cai 47 余 Yu 46 杜 Du 45 叶 Ye 44 程 Cheng 43 苏 Su 42
			魏 Wei 41 吕 Lü 40 丁 Ding 39 任 Ren 38 沈 Shen 37 姚 Yao 36 卢 Lu 35 姜 Jiang 34 崔 Cui 33
			钟 Zhong 32 谭 Tan 31 陆 Lu 30 汪 Wang 29 范 Fan 28 金 Jin 27 石 Shi 27 廖 Liao 26 贾 Jia 25
			夏 Xia 25 韦 Wei 24 付 Fu 24 方 Fang 23 白 Bai 23 邹 Zou 22 孟 Meng 22 熊 Xiong 21 秦 Qin 21
			邱 Qiu 20 江 Jiang 20 尹 Yin 19 薛 Xue 19 闫 Yan 18 段 Duan 18 雷 Lei 17 侯 Hou 17 龙 Long 16
			史 Shi 16 陶 Tao 15 黎 Li 15 贺 He 14 顾 Gu 14 毛 Mao 13 郝 Hao 13 龚 Gong 12 邵 Shao 12
			万 Wan 11 钱 Qian 11 严 Yan 10 覃 Qin 10 武 Wu 10 戴 Dai 10 莫 Mo 9 孔 Kong 9 向 Xiang 8
			汤 Tang 8 欧阳 Ouyang 3 上官 Shangguan 1 司马 Sima 1
			""";

	private static final String MALE_CHARACTERS = """
			伟 wei 强 qiang 磊 lei 军 jun 勇 yong 杰 jie 涛 tao 斌 bin 超 chao 明 ming 刚 gang 平 ping 辉 hui
			鹏 peng 华 hua 飞 fei 鑫 xin 波 bo 宇 yu 浩 hao 凯 kai 健 jian 俊 jun 帆 fan 旭 xu 宁 ning 龙 long
			林 lin 阳 yang 博 bo 文 wen 轩 xuan 子 zi 睿 rui 泽 ze 昊 hao 然 ran 晨 chen 天 tian 一 yi 航 hang
			嘉 jia 豪 hao 志 zhi 建 jian 国 guo 海 hai 峰 feng 亮 liang 成 cheng 东 dong 振 zhen 宏 hong 思 si
			远 yuan 铭 ming 逸 yi 皓 hao 翔 xiang 毅 yi 德 de 奕 yi 晟 sheng 哲 zhe 瀚 han 诚 cheng 彬 bin
			""";

	private static final String FEMALE_CHARACTERS = """
			芳 fang 娜 na 敏 min 静 jing 丽 li 艳 yan 娟 juan 霞 xia 秀 xiu 玲 ling 婷 ting 雪 xue 慧 hui
			颖 ying 琳 lin 洁 jie 欣 xin 怡 yi 佳 jia 悦 yue 雨 yu 梦 meng 诗 shi 涵 han 萱 xuan 琪 qi 晴 qing
			璐 lu 瑶 yao 婧 jing 妍 yan 思 si 雅 ya 馨 xin 若 ruo 可 ke 心 xin 语 yu 彤 tong 欢 huan 倩 qian
			菲 fei 露 lu 蕾 lei 薇 wei 月 yue 晓 xiao 春 chun 桂 gui 英 ying 红 hong 玉 yu 兰 lan 燕 yan 梅 mei
			萍 ping 凤 feng 宁 ning 琦 qi 文 wen 安 an 恩 en
			""";

	private static final List<Syllable> surnames = parse(SURNAMES, true);

	private static final List<Syllable> male = parse(MALE_CHARACTERS, false);

	private static final List<Syllable> female = parse(FEMALE_CHARACTERS, false);

	private static final int totalSurnameWeight = surnames.stream().mapToInt(Syllable::weight).sum();

	private ChineseNames() {
	}

	/**
	 * @param gender {@code "M"} or {@code "F"}
	 * @return a name with a weighted surname and a one- (about one in five) or two-character given name
	 */
	static Name random(RandomGenerator random, String gender) {
		return withSurname(random, surname(random), gender);
	}

	/** @return a name with the given surname, for example a father sharing his child's surname */
	static Name withSurname(RandomGenerator random, Syllable surname, String gender) {
		List<Syllable> characters = "F".equals(gender) ? female : male;
		Syllable first = characters.get(random.nextInt(characters.size()));
		if (random.nextInt(5) == 0) {
			return new Name(surname, List.of(first));
		}
		Syllable second;
		do {
			second = characters.get(random.nextInt(characters.size()));
		}
		while (second.equals(first));
		return new Name(surname, List.of(first, second));
	}

	static Syllable surname(RandomGenerator random) {
		int pick = random.nextInt(totalSurnameWeight);
		for (Syllable surname : surnames) {
			pick -= surname.weight();
			if (pick < 0) {
				return surname;
			}
		}
		throw new IllegalStateException("unreachable");
	}

	private static List<Syllable> parse(String table, boolean weighted) {
		String[] tokens = table.trim().split("\\s+");
		int step = weighted ? 3 : 2;
		List<Syllable> syllables = new ArrayList<>();
		for (int i = 0; i < tokens.length; i += step) {
			syllables.add(new Syllable(tokens[i], tokens[i + 1], weighted ? Integer.parseInt(tokens[i + 2]) : 1));
		}
		return List.copyOf(syllables);
	}

	/** Chinese characters with their pinyin (without tones). */
	record Syllable(String hanzi, String pinyin, int weight) {
	}

	/** A surname and a given name of one or two characters. */
	record Name(Syllable surname, List<Syllable> given) {

		/** @return for example 李明轩 */
		String chinese() {
			StringBuilder name = new StringBuilder(surname.hanzi());
			given.forEach(syllable -> name.append(syllable.hanzi()));
			return name.toString();
		}

		/** @return surname first, as on a passport: {@code Li Mingxuan}, {@code Wang Xi'an} */
		String english() {
			StringBuilder givenName = new StringBuilder();
			for (Syllable syllable : given) {
				if (!givenName.isEmpty() && "aoe".indexOf(syllable.pinyin().charAt(0)) >= 0) {
					givenName.append('\'');
				}
				givenName.append(syllable.pinyin());
			}
			givenName.setCharAt(0, Character.toUpperCase(givenName.charAt(0)));
			return surname.pinyin() + " " + givenName;
		}
	}
}
