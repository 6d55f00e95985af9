//! Unit tests for each kind of expression, with and without a reference date.

use super::*;
use kroniek_text::segment;

fn find(text: &str, lang: Lang, reference: Option<&str>) -> Vec<TimeExpression> {
    let seg = segment(text, lang);
    find_times(text, &seg, lang, reference.and_then(Reference::parse))
}

fn one(text: &str, lang: Lang, reference: Option<&str>) -> TimeExpression {
    let found = find(text, lang, reference);
    assert_eq!(found.len(), 1, "{text}: {found:#?}");
    found.into_iter().next().expect("one expression")
}

fn period(e: &TimeExpression) -> (Option<&str>, Option<&str>) {
    match &e.value {
        TimeValue::Period { start, end, .. } => (start.as_deref(), end.as_deref()),
        other => panic!("not a period: {other:?}"),
    }
}

fn point(e: &TimeExpression) -> &str {
    match &e.value {
        TimeValue::Point { value } => value,
        other => panic!("not a point: {other:?}"),
    }
}

#[test]
fn absolute_dates() {
    let e = one("Op 14 maart 2019 gebeurde het.", Lang::Nl, None);
    assert_eq!(
        (e.kind, point(&e), e.resolved),
        (TimeKind::Date, "2019-03-14", true)
    );
    assert_eq!(e.span.of("Op 14 maart 2019 gebeurde het."), "14 maart 2019");
    assert_eq!(point(&one("on 3/14/2019", Lang::En, None)), "2019-03-14");
    assert_eq!(point(&one("op 14-03-2019", Lang::Nl, None)), "2019-03-14");
    let e = one("March 14 was fine", Lang::En, Some("2019-05-01"));
    assert_eq!(e.timex, "XXXX-03-14");
    assert_eq!(point(&e), "2019-03-14");
}

#[test]
fn times_and_date_times() {
    let e = one("om 10.30 uur", Lang::Nl, None);
    assert_eq!((e.kind, point(&e)), (TimeKind::Time, "10:30:00"));
    assert_eq!(point(&one("at 10:30 pm", Lang::En, None)), "22:30:00");
    let e = one("maandagavond", Lang::Nl, Some("2019-03-06"));
    assert_eq!(e.kind, TimeKind::DateTimePeriod);
    assert_eq!(
        period(&e),
        (Some("2019-03-04T16:00:00"), Some("2019-03-04T20:00:00"))
    );
    let e = one("morgen om 8 uur 's avonds", Lang::Nl, Some("2019-03-06"));
    assert_eq!(
        (e.kind, point(&e)),
        (TimeKind::DateTime, "2019-03-07T20:00:00")
    );
}

#[test]
fn relative_days_and_periods() {
    let r = Some("2019-03-06");
    assert_eq!(point(&one("gisteren", Lang::Nl, r)), "2019-03-05");
    assert_eq!(point(&one("vandaag", Lang::Nl, r)), "2019-03-06");
    assert_eq!(point(&one("over drie weken", Lang::Nl, r)), "2019-03-27");
    assert_eq!(point(&one("drie dagen geleden", Lang::Nl, r)), "2019-03-03");
    assert_eq!(point(&one("two days ago", Lang::En, r)), "2019-03-04");
    assert_eq!(point(&one("last Tuesday", Lang::En, r)), "2019-02-26");
    let e = one("vorige maand", Lang::Nl, r);
    assert_eq!(
        (e.timex.as_str(), period(&e)),
        ("2019-02", (Some("2019-02-01"), Some("2019-03-01")))
    );
    assert_eq!(one("volgend jaar", Lang::Nl, r).timex, "2020");
    assert_eq!(one("next month", Lang::En, r).timex, "2019-04");
    let e = one("this week", Lang::En, r);
    assert_eq!(period(&e), (Some("2019-03-04"), Some("2019-03-11")));
}

#[test]
fn afgelopen_dagen_and_eerder_deze_week() {
    let r = Some("2019-03-06");
    let e = one(
        "De afgelopen dagen vluchtten duizenden mensen.",
        Lang::Nl,
        r,
    );
    assert_eq!(e.kind, TimeKind::DatePeriod);
    assert_eq!(period(&e), (Some("2019-03-03"), Some("2019-03-06")));
    // the first half of the week (Monday to Thursday), cut at a reference inside it, as
    // Recognizers-Text has it ("earlier this year" on 28 May ends on 28 May)
    let e = one("Eerder deze week meldde de SDF", Lang::Nl, r);
    assert_eq!(period(&e), (Some("2019-03-04"), Some("2019-03-06")));
    let e = one(
        "Eerder deze week meldde de SDF",
        Lang::Nl,
        Some("2019-03-08"),
    );
    assert_eq!(period(&e), (Some("2019-03-04"), Some("2019-03-07")));
    for text in ["De afgelopen dagen vluchtten", "Eerder deze week meldde"] {
        let e = one(text, Lang::Nl, None);
        assert!(!e.resolved, "{text}");
        assert!(matches!(e.value, TimeValue::Unresolved { .. }), "{text}");
    }
}

#[test]
fn unresolved_without_reference() {
    let e = one("gisteren", Lang::Nl, None);
    assert!(!e.resolved);
    let e = one("vrijdag", Lang::Nl, None);
    assert_eq!(e.timex, "XXXX-WXX-5");
    assert!(!e.resolved);
}

#[test]
fn durations() {
    let e = one("drie weken", Lang::Nl, None);
    assert_eq!(e.kind, TimeKind::Duration);
    assert!(matches!(&e.value, TimeValue::Duration { value, .. } if value == "P3W"));
    let e = one("for two hours", Lang::En, None);
    assert!(matches!(&e.value, TimeValue::Duration { value, .. } if value == "PT2H"));
}

#[test]
fn sets() {
    assert_eq!(one("elke dag", Lang::Nl, None).timex, "P1D");
    assert_eq!(one("iedere maandag", Lang::Nl, None).timex, "XXXX-WXX-1");
    let e = one("every week", Lang::En, None);
    assert_eq!((e.kind, e.timex.as_str()), (TimeKind::Set, "P1W"));
}

#[test]
fn ranges_and_modifiers() {
    let e = one("van 2014 tot 2018", Lang::Nl, None);
    assert_eq!(e.timex, "(2014-01-01,2018-01-01,P4Y)");
    let e = one("na 18:00", Lang::Nl, None);
    assert_eq!(
        (e.kind, e.modifier),
        (TimeKind::TimePeriod, Some(Modifier::After))
    );
}

#[test]
fn no_panic_on_odd_input() {
    for text in [
        "",
        "’s",
        "31-02-2019",
        "om 99:99",
        "week 99",
        "9999999999999 dagen",
        "jaren '",
        "😀 3/",
        "q5 2019-q9 h3 q1-",
        "dec- jan-feb-mrt 2019/",
        "30 feb 31-02 maandag 99 zondag 31",
        "1990 s 90 s 0 s",
        "24-25 december 0-0 99-1",
        "de 99e week van 2015, the 0th century",
        "over 99999999999 jaar en 3 maanden",
        "black friday 99999",
        "meer dan minder dan of later",
    ] {
        let _ = find(text, Lang::Nl, Some("2019-03-06"));
        let _ = find(text, Lang::En, None);
    }
}

#[test]
fn serde_round_trip() {
    let e = one("vorige maand", Lang::Nl, Some("2019-03-06"));
    let json = serde_json::to_string(&e).expect("serialise");
    assert!(json.contains("\"kind\":\"date_period\""), "{json}");
    let back: TimeExpression = serde_json::from_str(&json).expect("deserialise");
    assert_eq!(back, e);
}

#[test]
fn holidays() {
    let r = Some("2016-11-07");
    assert_eq!(point(&one("Pasen 2018", Lang::Nl, r)), "2018-04-01");
    let e = one("met kerst", Lang::Nl, r);
    assert_eq!((e.timex.as_str(), point(&e)), ("XXXX-12-25", "2016-12-25"));
    assert_eq!(point(&one("vorige koningsdag", Lang::Nl, r)), "2016-04-27");
    assert_eq!(point(&one("black friday 2010", Lang::En, r)), "2010-11-26");
    assert_eq!(one("thanksgiving", Lang::En, r).timex, "XXXX-11-WXX-4-4");
    assert_eq!(
        point(&one("2 weeks before christmas", Lang::En, r)),
        "2016-12-11"
    );
}

#[test]
fn quarters_and_ranges() {
    let r = Some("2019-08-01");
    let e = one("in 2017-q1", Lang::En, r);
    assert_eq!(period(&e), (Some("2017-01-01"), Some("2017-04-01")));
    let e = one("het eerste kwartaal van 2013", Lang::Nl, r);
    assert_eq!(e.timex, "(2013-01-01,2013-04-01,P3M)");
    let e = one("last quarter", Lang::En, r);
    assert_eq!(period(&e), (Some("2019-04-01"), Some("2019-07-01")));
    let e = one("maandag 3-8", Lang::Nl, r);
    assert_eq!(e.kind, TimeKind::DateTimePeriod);
    let e = one("vandaag van vijf tot zeven", Lang::Nl, r);
    assert_eq!(e.kind, TimeKind::DateTimePeriod);
    let e = one("binnen 9 maanden", Lang::Nl, r);
    assert_eq!(period(&e), (Some("2019-08-01"), Some("2020-05-01")));
}

#[test]
fn compound_durations_and_weekday_dates() {
    let e = one("langer dan 1 uur en 30 minuten", Lang::Nl, None);
    assert_eq!((e.kind, e.timex.as_str()), (TimeKind::Duration, "PT1H30M"));
    assert_eq!(one("one and a half hours", Lang::En, None).timex, "PT1.5H");
    let e = one("op maandag 21", Lang::Nl, Some("2019-01-25"));
    assert_eq!((e.timex.as_str(), point(&e)), ("XXXX-WXX-1", "2019-01-21"));
    let e = one("tuesday the eleventh", Lang::En, Some("2019-06-10"));
    assert_eq!(point(&e), "2019-06-11");
    let e = one(
        "in the 5 coming minutes",
        Lang::En,
        Some("2018-08-30T10:00:00"),
    );
    assert_eq!(
        period(&e),
        (Some("2018-08-30T10:00:00"), Some("2018-08-30T10:05:00"))
    );
}

#[test]
fn meridiems_windows_and_range_parts() {
    let r = Some("2019-07-04");
    let text = "at 3 p . m .";
    let e = one(text, Lang::En, r);
    assert_eq!((e.span.of(text), e.timex.as_str()), ("3 p . m .", "T15"));
    assert_eq!(one("at 8p.m.", Lang::En, r).timex, "T20");
    assert_eq!(one("at 9.am", Lang::En, r).timex, "T09");
    let e = one("the last 2 quarters", Lang::En, r);
    assert_eq!(period(&e), (Some("2019-01-01"), Some("2019-07-01")));
    let e = one("the next decade", Lang::En, r);
    assert_eq!(period(&e), (Some("2020-01-01"), Some("2030-01-01")));
    let e = one("from 2007 to the end of 2008", Lang::En, r);
    assert_eq!(e.timex, "(2007-01-01,2009-01-01,P24M)");
    let e = one(
        "tussen het midden van maart en het einde van september",
        Lang::Nl,
        r,
    );
    assert_eq!(e.timex, "(XXXX-03-16,XXXX-10-01,P7M)");
    let e = one("between 7 and 9 last night", Lang::En, r);
    assert_eq!(e.timex, "(2019-07-03T19,2019-07-03T21,PT2H)");
    assert_eq!(one("on Mon 13th", Lang::En, r).timex, "XXXX-WXX-1");
}

#[test]
fn day_ranges_with_one_month() {
    let r = Some("2018-06-01");
    for text in [
        "april 9th through 17th",
        "from ninth till seventeenth of april",
        "between the ninth and the seventeenth of april",
    ] {
        assert_eq!(one(text, Lang::En, r).timex, "(XXXX-04-09,XXXX-04-17,P8D)");
    }
    // "10 people" counts, it is no day
    let e = one("between march 3 and 10 people died", Lang::En, r);
    assert_eq!(e.kind, TimeKind::Date);
}

#[test]
fn approximate_clock_times() {
    let r = Some("2018-06-01");
    let text = "sick around 1pm";
    let e = one(text, Lang::En, r);
    assert_eq!((e.span.of(text), e.timex.as_str()), ("around 1pm", "T13"));
    let text = "around five hours";
    assert_eq!(one(text, Lang::En, r).timex, "PT5H");
    let text = "misselijk rond 13.00";
    assert_eq!(one(text, Lang::Nl, r).span.of(text), "rond 13.00");
    let text = "voor rond 14.00 vandaag";
    let e = one(text, Lang::Nl, r);
    assert_eq!(
        (e.span.of(text), e.modifier),
        (text, Some(Modifier::Before))
    );
}

#[test]
fn glued_months() {
    let r = Some("2018-06-01");
    assert_eq!(one("back Oct/2", Lang::En, r).timex, "XXXX-10-02");
    assert_eq!(one("plan for Dec/2018", Lang::En, r).timex, "2018-12");
    assert_eq!(one("sold on Dec31 , 1994", Lang::En, r).timex, "1994-12-31");
    assert_eq!(one("on mar4 night", Lang::En, r).timex, "XXXX-03-04TNI");
    assert!(find("an orange mar and 4 marbles", Lang::En, r).is_empty());
}

#[test]
fn glued_units_and_clock_windows() {
    let r = Some("2018-06-01");
    assert_eq!(one("leave for 3.5years", Lang::En, r).timex, "P3.5Y");
    assert_eq!(one("for 3h", Lang::En, r).timex, "PT3H");
    assert_eq!(one("om 15h", Lang::Nl, r).timex, "T15");
    assert!(find("3D printing", Lang::En, r).is_empty());
    let e = one("within 5 minutes", Lang::En, Some("2018-06-01T10:00:00"));
    assert_eq!(
        period(&e),
        (Some("2018-06-01T10:00:00"), Some("2018-06-01T10:05:00"))
    );
}

#[test]
fn anaphoric_periods_and_to_date() {
    let e = one("Ik was er niet dat weekend", Lang::Nl, Some("2016-11-11"));
    assert_eq!(e.timex, "XXXX-WXX-WE");
    assert_eq!(period(&e), (Some("2016-11-12"), Some("2016-11-14")));
    let e = one("not there the same month", Lang::En, Some("2017-11-08"));
    assert_eq!(
        (e.timex.as_str(), period(&e).0),
        ("XXXX-XX", Some("2017-11-01"))
    );
    // "dat" and "die" as conjunction or pronoun are no time words
    assert!(find("Hij zei dat die man kwam", Lang::Nl, Some("2017-11-08")).is_empty());
    let e = one("the most sales to date", Lang::En, Some("2016-11-07"));
    assert_eq!(
        (e.timex.as_str(), period(&e)),
        ("PRESENT_REF", (None, Some("2016-11-07")))
    );
    assert!(find(
        "the most up to date equipment",
        Lang::En,
        Some("2016-11-07")
    )
    .is_empty());
    let e = one("down 20% in the year to date", Lang::En, Some("2018-09-07"));
    assert_eq!(period(&e), (Some("2018-01-01"), Some("2018-09-07")));
    let e = one("docked from March to date", Lang::En, Some("2016-11-07"));
    assert_eq!(e.timex, "(2016-03-01,2016-11-07,P251D)");
}

#[test]
fn ranges_with_a_glued_dash() {
    let r = Some("2018-10-24");
    let e = one("APEC happens Nov 18-Dec 19, 2015", Lang::En, r);
    assert_eq!(period(&e), (Some("2015-11-18"), Some("2015-12-19")));
    let e = one("plaatsvinden 18 nov 2014-19 dec 2015", Lang::Nl, r);
    assert_eq!(period(&e), (Some("2014-11-18"), Some("2015-12-19")));
    let e = one("plaatsvinden nov-5 feb 2017", Lang::Nl, r);
    assert_eq!(period(&e), (Some("2016-11-01"), Some("2017-02-05")));
    let e = one("plan for Dec/2018-May/2019", Lang::En, r);
    assert_eq!(period(&e), (Some("2018-12-01"), Some("2019-05-01")));
    let e = one("leave from 5/1-5/7, 2020", Lang::En, r);
    assert_eq!(period(&e), (Some("2020-05-01"), Some("2020-05-07")));
    // one month and year stays one month
    let e = one("plan for Dec-2018", Lang::En, r);
    assert_eq!(e.timex, "2018-12");
    let text = "APEC will happen on November 18-19";
    assert_eq!(one(text, Lang::En, r).span.of(text), "on November 18-19");
}

#[test]
fn clock_ranges_on_a_day() {
    let r = Some("2016-11-07T16:12:00");
    let e = one("It will happen on the 17 from 2pm to 4pm", Lang::En, r);
    assert_eq!(e.timex, "(XXXX-XX-17T14,XXXX-XX-17T16,PT2H)");
    let e = one(
        "Het zal gebeuren op de 17 tussen 14.00 en 16.00",
        Lang::Nl,
        r,
    );
    assert_eq!(e.kind, TimeKind::DateTimePeriod);
    let e = one(
        "Are you available 6-8 next Monday",
        Lang::En,
        Some("2018-11-01"),
    );
    assert_eq!(e.timex, "(2018-11-05T06,2018-11-05T08,PT2H)");
    // a score before a past day stays a score
    assert!(
        find("They lost 6-8 last Monday", Lang::En, Some("2018-11-01"))
            .iter()
            .all(|e| e.kind != TimeKind::DateTimePeriod)
    );
    let e = one(
        "a time on Wednesday from 10-4",
        Lang::En,
        Some("2018-07-30"),
    );
    assert_eq!(e.alternatives.len() + 1, 4);
    let e = one("een tijdstip op maandag 12-4", Lang::Nl, Some("2018-05-16"));
    assert_eq!((e.kind, e.timex.as_str()), (TimeKind::Date, "XXXX-04-12"));
}

#[test]
fn counts_and_amounts_that_are_no_time() {
    let text = "We will be only 3 next week.";
    assert_eq!(
        one(text, Lang::En, Some("2016-11-07")).span.of(text),
        "next week"
    );
    let e = one("the 5 past minutes", Lang::En, Some("2016-11-07T12:30:00"));
    assert_eq!(e.kind, TimeKind::DateTimePeriod);
    let text = "I bought it for $12 December 27";
    assert_eq!(
        one(text, Lang::En, Some("2019-07-04")).span.of(text),
        "December 27"
    );
    let text = "Must deliver units before the thirty-first day of the month.";
    let e = one(text, Lang::En, Some("2019-08-12"));
    assert_eq!(
        (e.span.of(text), period(&e).1),
        (
            "before the thirty-first day of the month",
            Some("2019-08-31")
        )
    );
}

#[test]
fn parts_of_a_day_and_the_rest_of_a_period() {
    let r = Some("2018-05-18");
    let e = one("I'll leave mid today.", Lang::En, r);
    assert_eq!(
        (e.kind, period(&e)),
        (
            TimeKind::DateTimePeriod,
            (Some("2018-05-18T10:00:00"), Some("2018-05-18T14:00:00"))
        )
    );
    let e = one("Ik vertrek later op de dag", Lang::Nl, r);
    assert_eq!(period(&e).1, Some("2018-05-19T00:00:00"));
    let e = one("Ik ga later vandaag terug", Lang::Nl, r);
    assert_eq!(e.kind, TimeKind::Date);
    let e = one(
        "take the rest of the week off",
        Lang::En,
        Some("2020-06-12"),
    );
    assert_eq!(e.timex, "(2020-06-12,2020-06-14,P2D)");
    let e = one("We woonden hier vanaf halverwege 1989", Lang::Nl, r);
    assert_eq!(period(&e).0, Some("1989-05-01"));
}

#[test]
fn weekday_abbreviations_and_year_phrases() {
    let text = "Book this lunch on Tue May 9. Don't.";
    assert_eq!(
        one(text, Lang::En, Some("2018-01-07")).span.of(text),
        "Tue May 9"
    );
    let e = one("Office party on Sat at 5.", Lang::En, Some("2018-07-13"));
    assert_eq!(e.kind, TimeKind::DateTime);
    // a verb stays a verb
    assert!(find("He sat at the table", Lang::En, Some("2018-07-13")).is_empty());
    let text = "What's the sales for year greater than 2012";
    let e = one(text, Lang::En, Some("2018-08-31"));
    assert_eq!(
        (e.span.of(text), period(&e).0),
        ("year greater than 2012", Some("2013-01-01"))
    );
    let text = "Ik wil verkoop voor jaar 2012 of later";
    let e = one(text, Lang::Nl, Some("2018-08-31"));
    assert_eq!(
        (e.span.of(text), period(&e).0),
        ("jaar 2012 of later", Some("2012-01-01"))
    );
}

#[test]
fn chained_amounts() {
    let r = Some("2016-11-07T16:12:00");
    let e = one("and 2 weeks and 2 days ago they found it", Lang::En, r);
    assert_eq!((e.kind, point(&e)), (TimeKind::Date, "2016-10-22"));
    let e = one(
        "I left here 2 years 1 month 21 days later",
        Lang::En,
        Some("2017-11-23"),
    );
    assert_eq!(point(&e), "2020-01-13");
    let e = one("het duurde 1 jaar, 2 maanden en 3 dagen", Lang::Nl, r);
    assert_eq!(e.timex, "P1Y2M3D");
}

#[test]
fn days_and_weeks_of_relative_periods() {
    let e = one(
        "I'll be out from 4-23 in next month",
        Lang::En,
        Some("2016-11-07"),
    );
    assert_eq!(period(&e), (Some("2016-12-04"), Some("2016-12-23")));
    let e = one(
        "Ik ben volgende maand van 4-23 weg",
        Lang::Nl,
        Some("2016-11-07"),
    );
    assert_eq!(e.timex, "(2016-12-04,2016-12-23,P19D)");
    let e = one(
        "sales in the week 27 of last year",
        Lang::En,
        Some("2018-07-02"),
    );
    assert_eq!(e.timex, "2017-W27");
}

#[test]
fn between_now_and_a_clock_time() {
    let r = Some("2016-11-07T10:20:00");
    let e = one("book a meeting between now and eight o'clock", Lang::En, r);
    assert_eq!(e.timex, "(PRESENT_REF,2016-11-07T20,PT9H40M)");
    let e = one("How many calls between eight o'clock and now?", Lang::En, r);
    assert_eq!(
        period(&e),
        (Some("2016-11-07T08:00:00"), Some("2016-11-07T10:20:00"))
    );
    let e = one("tussen nu en 15:00", Lang::Nl, r);
    assert_eq!(e.kind, TimeKind::DateTimePeriod);
}

#[test]
fn the_next_day_keeps_its_article() {
    let text = "Ik ga de volgende dag terug";
    let e = one(text, Lang::Nl, Some("2016-11-07"));
    assert_eq!(
        (e.span.of(text), point(&e)),
        ("de volgende dag", "2016-11-08")
    );
    let text = "I'll go back the next day";
    assert_eq!(
        one(text, Lang::En, Some("2016-11-07")).span.of(text),
        "the next day"
    );
}

#[test]
fn part_words_before_months() {
    let e = one("Any plan after mid May?", Lang::En, Some("2019-02-25"));
    assert_eq!(e.kind, TimeKind::DatePeriod);
    // a day after the month: the verb "start" is no part word
    let text = "The talks start May 5 in Geneva";
    assert_eq!(
        one(text, Lang::En, Some("2019-02-25")).span.of(text),
        "May 5"
    );
    let text = "De gesprekken beginnen begin maart";
    assert_eq!(
        one(text, Lang::Nl, Some("2019-02-25")).span.of(text),
        "begin maart"
    );
}
