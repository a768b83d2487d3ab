//! The phrases people use for each part of a story. Each is a regular
//! expression over one unit (lower-cased matching); the classifier in
//! `mod.rs` weighs them together with where the unit sits in the answer.

use regex_lite::Regex;
use std::sync::LazyLock;

/// A cue pattern, case-insensitive. Cue patterns are built with
/// `regex-lite`, whose classes and word boundaries are ASCII (the cue words
/// are English) and which builds a pattern many times faster than a full
/// regex engine: `rehearse star` builds them all on every run, for one short
/// story.
pub fn re(pattern: &str) -> Regex {
    Regex::new(&format!("(?i){pattern}")).expect("constant regex")
}

/// Past-tense forms of common irregular verbs (regular ones end in -ed).
const IRREGULAR_PAST: &str = "wrote|made|took|went|ran|saw|found|sat|set|put|cut|built|got|gave|told|said|sent|spent|led|kept|brought|bought|thought|began|chose|drove|broke|split|read|met|left|paid|held|showed|did|dug|fought|hid|hit|knew|let|lost|rode|rose|shut|sold|spoke|stood|struck|swore|taught|threw|understood|won|overtook|undertook|rebuilt|rewrote|reran|became|came|drew|fed|fell|flew|forgot|froze|hung|lay|lit|shot|slept|stuck|swept|swung|tore|woke|wound";

/// State verbs: being, having, feeling, wanting. Not actions.
/// Knowing, noticing and misjudging are states of mind, not steps taken;
/// "kept (doing)" is an ongoing state.
const STATE: &[&str] = &[
    "was",
    "were",
    "had",
    "felt",
    "thought",
    "knew",
    "seemed",
    "needed",
    "wanted",
    "liked",
    "loved",
    "hated",
    "used",
    "wasted",
    "tired",
    "bored",
    "worried",
    "scared",
    "excited",
    "interested",
    "realised",
    "realized",
    "noticed",
    "discovered",
    "underestimated",
    "overestimated",
    "expected",
    "assumed",
    "hoped",
    "kept",
    "learned",
    "learnt",
    "believed",
    "supposed",
    "wished",
];

fn is_state(verb: &str) -> bool {
    STATE.contains(&verb.to_lowercase().as_str())
}

static PAST_ACTION: LazyLock<Regex> = LazyLock::new(|| {
    re(&format!(
        r"\b(?:i|we)\s+(?:(?:also|then|first|just|quickly|immediately|finally|actually|basically|personally|straight away|together|eventually|still|later|next|initially|carefully)\s+){{0,2}}(?P<verb>\w+ed|{IRREGULAR_PAST})\b"
    ))
});

static SUBJECTLESS_ACTION: LazyLock<Regex> = LazyLock::new(|| {
    re(&format!(
        r"^(?:(?:also|then|first|and|so|finally|next)\s+)?(?P<verb>\w+ed|{IRREGULAR_PAST})\s+\S"
    ))
});

/// Past participles that open descriptions rather than steps ("Based on…").
const NOT_STEPS: &[&str] = &[
    "based",
    "called",
    "named",
    "related",
    "required",
    "given",
    "supposed",
    "located",
    "built",
    "used",
    "needed",
    "interested",
    "excited",
    "worried",
    "scared",
    "tired",
    "bored",
    "stuck",
];

static LEADING_SUBJECT: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"^(?:\w+,\s*)?(?:(?:so|and|then|first|also|after that|but|finally|anyway|eventually|later|next|now)\s+){0,2}(?:i|we)\b",
    )
});
static ANY_PAST: LazyLock<Regex> =
    LazyLock::new(|| re(&format!(r"\b(?P<verb>\w+ed|{IRREGULAR_PAST})\b")));

/// A clause led by "I" or "we" (after "so", "then"…) that holds a past
/// action anywhere: "we had a meeting and decided to cut scope".
pub fn led_action(text: &str) -> bool {
    if !LEADING_SUBJECT.is_match(text) {
        return false;
    }
    past_verbs(&own_clause(text)).next().is_some()
}

/// The speaker's own clause: after an opening "Anyway,", up to the first
/// comma, subordinate clause ("because the data came…") or "and" that
/// brings in another subject ("and one of the seniors left…"); "and
/// decided…" keeps the same subject and stays.
fn own_clause(text: &str) -> String {
    let body = DISCOURSE.replace(text, "");
    let mut own = body.split([',', ';']).next().unwrap_or("").to_string();
    if let Some(m) = SUBORDINATE_INSIDE.find(&own) {
        own.truncate(m.start());
    }
    let mut kept = String::new();
    for (i, part) in own.split(" and ").enumerate() {
        let next = part.split_whitespace().next().unwrap_or("").to_lowercase();
        let speaker = ["i", "we", "i'd", "we'd"].contains(&next.as_str());
        let same_subject = i == 0 || speaker || ANY_PAST.is_match(&next) || next.ends_with("ed");
        if !same_subject {
            break;
        }
        if i > 0 {
            kept.push_str(" and ");
        }
        kept.push_str(part);
    }
    kept
}

static SUBORDINATE_INSIDE: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"\s(?:because|when|while|since|which|who|that|until|untill|before|after|if|where|as soon as)\b",
    )
});

/// "Anyway, ", "Ok so, ": a word that only opens the sentence.
static DISCOURSE: LazyLock<Regex> = LazyLock::new(|| re(r"^\w+,\s*"));

/// Past verbs of actions, skipping states and pluperfects ("I'd opened",
/// "had left": what happened before the story).
fn past_verbs(text: &str) -> impl Iterator<Item = String> + '_ {
    ANY_PAST.captures_iter(text).filter_map(move |c| {
        let m = c.name("verb")?;
        let before = text[..m.start()].trim_end().to_lowercase();
        let perfect = before.ends_with("'d")
            || before.ends_with("’d")
            || before.ends_with(" had")
            || before.ends_with(" have")
            || before.ends_with(" has")
            || before == "had";
        (!perfect && !is_state(m.as_str())).then(|| m.as_str().to_lowercase())
    })
}

/// "I" or "we" with a past action anywhere in the clause ("So in the week
/// he was there I sat with him…", "first thing i did was…").
pub fn speaker_acted(text: &str) -> bool {
    let text = &own_clause(text);
    PAST_ACTION.captures_iter(text).any(|c| {
        let m = &c["verb"];
        let at = c.get(0).map_or(0, |w| w.start());
        let lead = text[..at].trim_end().to_lowercase();
        !is_state(m) && !lead.ends_with("when") && !lead.ends_with("if")
    })
}

/// Someone else doing something, in the past: "he shipped it himself",
/// "the PM agreed", "support tickets stopped".
pub fn other_acted(text: &str) -> bool {
    !LEADING_SUBJECT.is_match(text)
        && !subjectless_action(text)
        && past_verbs(text).next().is_some()
}

/// Who does what, clause by clause: the subject that leads each clause
/// ("I", the team, or someone else), a clause without one sharing the
/// subject before it. Returns (the speaker's clauses, everyone else's).
pub fn action_subjects(text: &str) -> (usize, usize) {
    let (mut mine, mut others) = (0, 0);
    let mut last_was_mine = true;
    for clause in COORDINATION.split(text) {
        let clause = clause.trim();
        if clause.is_empty() {
            continue;
        }
        let lower = clause.to_lowercase();
        // "when he got stuck", "until he started": not the story's subject.
        if SUBORDINATE.is_match(&lower) && !SPEAKER_VERB.is_match(&lower) {
            continue;
        }
        let subject = if JOINT.is_match(&lower) {
            Some(false)
        } else if let Some(m) = SPEAKER_VERB.find(&lower) {
            let other = OTHER_VERB.find(clause).filter(|o| o.start() < m.start());
            Some(other.is_none() && !lower[m.start()..].starts_with("we"))
        } else if subjectless_action(&lower) {
            // Checked before other people: "Added list_select_related…"
            // starts with its verb, not with a name.
            Some(last_was_mine)
        } else if OTHER_VERB.is_match(clause) {
            Some(false)
        } else if HABITUAL.is_match(&lower) {
            Some(last_was_mine)
        } else {
            None
        };
        match subject {
            Some(true) => {
                mine += 1;
                last_was_mine = true;
            }
            Some(false) => {
                others += 1;
                last_was_mine = false;
            }
            None => {}
        }
    }
    (mine, others)
}

static COORDINATION: LazyLock<Regex> =
    LazyLock::new(|| re(r",\s*(?:and\s+|then\s+|so\s+)?|\s+and\s+|\s+then\s+|;\s*|:\s+|\s+so\s+"));
static SUBORDINATE: LazyLock<Regex> = LazyLock::new(|| {
    re(r"^(?:when|until|untill|till|before|after|because|while|if|since|as|that|who|which|where)\b")
});
/// "Tom and I", "my colleague and I": a joint action, counted for the team.
static JOINT: LazyLock<Regex> = LazyLock::new(|| re(r"^\w+(?:\s+\w+)?\s+and\s+i\b"));
/// The speaker or the team acting: a pronoun and, within two words, a verb
/// that is not a state.
static SPEAKER_VERB: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"\b(?:i|we)(?:'d|\s+would|\s+will)?\s+(?:(?:also|then|first|just|quickly|finally|still|immediately|actually)\s+)?(?:(?:was|were|had|did not|didn't|didnt|wasn't|knew|felt|thought|think|guess|realised|realized|noticed|wanted|needed)\b)?\w+",
    )
});
/// Someone else acting: he, she, they, a name or "our PM", then a past verb
/// (a word, not an identifier such as `select_related`).
static OTHER_VERB: LazyLock<Regex> = LazyLock::new(|| {
    re(&format!(
        r"(?-i:\b(?:[Hh]e|[Ss]he|[Tt]hey|[A-Z][a-z]+|(?:[Mm]y|[Oo]ur)\s+(?:colleague|teammate|manager|lead|PM|pm|cto|CTO|boss)(?:\s+[A-Z][a-z]+)?))\s+(?:also\s+)?(?:[A-Za-z]+ed|{IRREGULAR_PAST})\b"
    ))
});

/// Whether "I" or "we" leads the clause.
pub fn led_by_speaker(text: &str) -> bool {
    LEADING_SUBJECT.is_match(text)
}

/// A clause that starts with a past verb and no subject, as in bullet
/// points ("- spent 20 minutes with support").
pub fn subjectless_action(text: &str) -> bool {
    SUBJECTLESS_ACTION.captures(text).is_some_and(|c| {
        let verb = c["verb"].to_lowercase();
        !is_state(&verb) && !NOT_STEPS.contains(&verb.as_str())
    })
}

/// What someone usually does or would do: habits and hypotheticals.
pub static HABITUAL: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"\b(?:i|we)\s+(?:usually|always|normally|generally|typically|often|tend to|try to|like to|would|'d|will)\s+\w+|\b(?:i|we)'d\s+(?:start|build|write|ask|bring|try|talk|check|set|send|make|go|look|get|put|say|tell|sit|split|keep|escalate|raise|suggest|propose)\b|^(?:normally|usually|typically|generally)\b|^if\b[^.]*\b(?:i|we)\b|\bin a situation where\b|\bwhenever\b|\bi\s+(?:just\s+)?(?:listen|ask|take|try|talk|write|check|review|explain|start|bring|send|keep|make sure)\b",
    )
});

/// A time or place that sets a scene.
pub static SCENE: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"\b(?:last|this past|earlier this)\s+(?:year|month|week|spring|summer|autumn|fall|winter|quarter|sprint)\b|\b(?:\d+|a|an|one|two|three|four|five|six|a few|a couple of|couple of)\s+(?:years?|months?|weeks?)\s+ago\b|\bin\s+(?:19|20)\d\d\b|\b(?:at|in|on)\s+(?:my|our)\s+(?:previous|last|first|current|old|second|former|new)\s+(?:job|company|role|team|employer|position|project|internship)\b|\b(?:at|in)\s+(?:my|our)\s+(?:job|company|employer|startup|agency|internship)\b|\b(?:at|in)\s+(?:a|an)\s+[\w-]+\s+(?:startup|company|agency|bank|consultancy|firm|shop)\b|^(?:so\s+|ok\s+so\s+|right,?\s+so\s+)?(?:when|while)\b|\bduring\s+(?:my|our|the)\b|\bthis\s+(?:was|happened)\s+(?:during|at|in|when|back|going back)\b|\bback\s+(?:then|when|in)\b|\bon\s+this\s+particular\b|\bthe\s+situation\s+was\b|\bgoing back a bit\b|\bi\s+was\s+(?:working|the only|part of|new|on the|an? \w+ (?:developer|engineer))\b|\bwe\s+(?:were|had)\s+(?:about|around)?\s*\d+\s+(?:people|devs|developers|engineers)\b|\bi once\b|^once\b|\bonce when\b|\b(?:had|was|were)\b[^.,]*\bonce\b|\bon\s+(?:a|one|that|the)?\s*(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)\b|\bone\s+(?:day|night|morning|evening|afternoon|weekend)\b",
    )
});

/// A time or place that anchors the story in the past: "once", "last
/// spring", "in 2022", "two years ago", "where I worked".
pub static ANCHOR: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"\bonce\b|\b(?:last|this past)\s+(?:year|month|week|spring|summer|autumn|fall|winter|quarter)\b|\bago\b|\bin\s+(?:19|20)\d\d\b|\bback\s+(?:then|when|in)\b|\b(?:i|we)\s+(?:worked|was working|were working|used to work)\s+(?:at|for|in)\b|\bwhen\s+(?:i|we)\s+(?:joined|was|were|started|worked)\b|\bat\s+(?:my|our)\s+(?:previous|last|first|old|former)\s+(?:job|company|role|team|employer)\b",
    )
});

/// The speaker's responsibility or goal.
pub static TASK: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"\b(?:my|our|the)\s+(?:main\s+|real\s+|whole\s+)?(?:task|job|goal|responsibility|role|mission|brief|remit|aim)\s+(?:\w+\s+){0,3}?(?:was|were|is)\s*:?\s+(?:basically\s+|simply\s+|clear:?\s+|just\s+)?(?:to|that|getting|making|keeping|finding|delivering|fixing)\b|\b(?:my|our)\s+(?:main\s+|real\s+|whole\s+)?(?:task|job|responsibility|role|mission)\s+(?:\w+\s+){0,3}?(?:was|were|is)\b|\b(?:task|job|work|it|this|that|decision|responsibility)\s+(?:\w+\s+){0,3}?(?:came|fell)\s+to\s+me\b|\b(?:gave|handed|assigned|passed)\s+(?:it|this|that|the\s+\w+)\s+to\s+me\b|\b(?:was|were)\s+(?:given|handed|assigned|passed)\s+to\s+me\b|\b(?:was|is)\s+(?:my|our)\s+(?:job|task|responsibility|call|decision|project|goal)\b|\b(?:was|is)\s+mine\b|\bmy\s+(?:\w+\s+)?(?:goal|target|objective)\b|\b(?:i|we)\s+(?:was|were)\s+expected\s+to\b|\bexpected\s+(?:me|us)\s+to\b|\bto\s+own\b[^.]*\bend\s+to\s+end\b|\bwe\s+agreed\s+(?:as\s+a\s+team\s+)?(?:that\s+)?we(?:'d|\s+would|\s+should|\s+needed)\b|\bour\s+(?:\w+\s+)?(?:goal|target)\b|\b(?:asked|wanted|needed|told|got|trusted)\s+me\s+to\b|\b(?:gave|handed)\s+me\s+(?:the\s+)?(?:responsibility|respons\w+|task|job|ownership|lead)\b|\bmade\s+me\s+(?:responsible|respons\w+|resposible|the owner|lead|in charge)\b|\bput me in charge\b|\bassigned\s+(?:to\s+)?me\b|\bi\s+was\s+(?:the\s+one\s+)?(?:respons\w*|respos\w*|in charge|tasked|accountable)\b|\b(?:it|that|this)\s+was\s+(?:on|up\s+to)\s+me\b|\bon me to\b|\bi\s+(?:volunteered|offered)\s+to\b|\btook\s+it\s+on\s+(?:myself|me)\b|\btook\s+(?:on\s+)?(?:ownership|responsibility)\b|\bi\s+asked\s+(?:\w+\s+){0,2}(?:if|whether)\s+i\s+could\s+(?:own|lead|take)\b|\bi\s+wanted\s+to\s+(?:own|lead|have it|get it|make sure|take on)\b|\bi\s+(?:needed|had)\s+to\s+(?:deliver|fix|get|make|ship|keep|find|own|design|finish|migrate|build|explain)\b|\bwe\s+(?:had|needed)\s+to\s+(?:deliver|keep|ship|get|make|fix|finish|migrate|build|move)\b|\bwe\s+had\s+promised\b|\bi'd\s+(?:said|promised|committed|estimated)\b|\bi\s+had\s+(?:said|promised|committed)\b|\bi'd\s+asked\s+to\b|\bown\s+(?:the|it|this|billing|the fix)\b",
    )
});

/// Words that mark an outcome outright: "as a result", "in the end".
pub static RESULT_MARKER: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"\bas a result\b|\b(?:the|end|final|net)\s+result\b|\bin the end\b|^at the end\b|\bthe outcome\b|\bby the end\b|\bsince then\b|\bafter the (?:fix|change|rollout|release|migration|switch)\b|\boverall,|\bin the end,",
    )
});

const NUMBER: &str = r"(?:\d+|a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|a couple|a few|couple|few|several)";

/// Time phrases that often introduce an outcome ("after ten weeks", "by
/// Thursday", "within an hour"), but also date actions.
pub static TIME_MARKER: LazyLock<Regex> = LazyLock::new(|| {
    re(&format!(
        r"\bafter (?:about |roughly |around |only |just )?{NUMBER}\s+(?:of\s+)?(?:minutes?|hours?|days?|weeks?|months?|sprints?)\b|\bwithin\s+(?:about\s+)?{NUMBER}\s+(?:minutes?|hours?|days?|weeks?|months?)\b|\bin\s+(?:about|under|less than|just|only|roughly|around)\s+{NUMBER}\s+(?:minutes?|hours?|days?|weeks?)\b|\bby\s+(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|the next|week \w+|day \w+|launch|release|then)\b|\bsince\s*(?:,|$)|\beventually\b|\bultimately\b"
    ))
});

/// Words that state an outcome.
pub static OUTCOME: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"\bwent\s+(?:from|down|up|away)\b|\b(?:dropped|fell|rose|shrank)\b|\bdown\s+to\b|\b(?:reduced|improved|increased|decreased|halved|doubled|tripled|saved|sped up)\b|\b(?:stopped|disappeared|recovered|came back)\b|\b(?:was|were|is|are)\s+back\b|\bback to normal\b|\bagain\b|\bhaven'?t had\b|\bhasn'?t\s+(?:failed|happened|broken|come back)\b|\bno (?:more|longer)\b|\b(?:shipped|delivered|launched|released|went out|went live|finished)\b[^.]*\b(?:on time|early|late|ahead|in (?:one|two|three|\d+)|the next day|with no downtime|without)\b|\b(?:was|were|is|are)\s+(?:all\s+)?(?:ready|done|finished|green|fixed|closed|resolved|merged|live|gone|stable|empty|much|way|a lot)\b|\bfixed\s+in\b|\b(?:passed|approved|agreed|signed off|signed|thanked|accepted)\b|\b(?:is|are)\s+now\b|\bgot\s+(?:a lot\s+)?(?:better|faster)\b|\b(?:happier|faster|fewer|quicker)\b|\binstead of\b[^.]*\d|\b(?:zero|0)\s+\w+|\bnever\s+(?:again|happened)\b|\bnow\s+(?:\w+s|take|return|run|load|work|pass|fit)\b|\bno(?:body| one)\s+(?:has|had|needs?)\s+to\b|\banymore\b|\bsaves?\s+\w+[^.]*\d|\b(?:takes|returns|runs|loads|completes)\s+(?:in\s+)?(?:under\s+|about\s+|less than\s+)?\d",
    )
});

/// An ending without an outcome: "it went well", "it all worked out fine".
pub static VAGUE_ENDING: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"\b(?:it|that|this|everything|things)\s+(?:all\s+)?(?:was|went|turned out|worked out|worked)\s+(?:out\s+)?(?:\w+\s+)?(?:a\s+)?(?:(?:big|real|great|huge)\s+)?(?:success|well|fine|great|good|ok|okay|alright|in the end)\b",
    )
});

/// Phrases that are vague whatever else the clause says: "we got through
/// it", "good result in the end".
pub static VAGUE_PHRASE: LazyLock<Regex> =
    LazyLock::new(|| re(r"\bgood result\b|\bit was a success\b|\bgot through it\b"));

/// Plans rather than outcomes: "we're now looking at…".
pub static PLAN: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"\b(?:now|currently)\s+(?:looking|planning|thinking)\b|\b(?:we|i)(?:'re| are| am)\s+(?:now\s+)?(?:looking at|planning|going to)\b|\bnext step\b|\bwe(?:'ll| will)\b|\bi(?:'ll| will)\b",
    )
});

/// What the speaker learned or would do differently.
pub static LESSON: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"\b(?:i|we)\s+(?:have\s+|also\s+)?(?:learn(?:ed|t)|realised|realized)\s+(?:that|to|how|the hard way|a lot|from|my lesson|we|i|you|it|not|never|what|why|when|always)\b|\bwhat (?:i|we) (?:learned|learnt|took away|take away)\b|\b(?:lesson|lessons|takeaway|take-away)\b|\bwhat i (?:took|take) (?:away )?from\b|\btaught me\b|\bnext time\b|\bin hindsight\b|\blooking back\b|\bdo (?:it |things |this )?differently\b|\bnow i (?:always|make sure|check|test|try|ask|write|plan|give|start)\b|\bi (?:now )?always\b[^.]*\bnow\b|^always\b[^.]*\bnow\b|\bfrom now on\b|\bsince then i (?:always|make|give|check|test|ask|write|try|plan)\b|\bi would (?:have|do)\b[^.]*\b(?:earlier|differently|sooner)\b",
    )
});

/// Numbers, amounts and counts: what makes a result measured.
pub static MEASURE: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"\d|%|[$€£]|\b(?:two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|forty|fifty|hundred|hundreds|thousand|thousands|million|dozen|zero|twice|halved|doubled|tripled)\b|\b(?:a|one)\s+(?:half|third|quarter)\b|\b(?:half|a third|a quarter)\s+(?:of|the)\b|\b(?:an?|one)\s+(?:hour|day|week|month|sprint|minute|afternoon|morning|evening)\b|\bthe next day\b|\bthe same day\b|\bovernight\b",
    )
});

/// Subject pronouns, to tell who acts.
pub static I_SUBJECT: LazyLock<Regex> = LazyLock::new(|| re(r"\b(?:i|i'd|i've|i'm|i'll|myself)\b"));
pub static WE_SUBJECT: LazyLock<Regex> = LazyLock::new(|| re(r"\b(?:we|we'd|we've|we're|we'll)\b"));

/// Filler words and hedges, counted for delivery feedback.
pub const FILLERS: &[&str] = &[
    "um",
    "uh",
    "erm",
    "you know",
    "basically",
    "actually",
    "literally",
    "honestly",
    "like,",
    "so yeah",
    "i mean",
    "kind of",
    "sort of",
    "stuff like that",
    "and so on",
];
pub const HEDGES: &[&str] = &[
    "i think",
    "i guess",
    "maybe",
    "probably",
    "perhaps",
    "i believe",
    "hopefully",
    "somewhat",
    "a bit",
    "i suppose",
    "might",
    "not sure",
    "more or less",
];
