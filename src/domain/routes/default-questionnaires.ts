import type { QuestionnaireDefinition } from './questionnaire.js';

// The first version of each route's questionnaire. The commission questions follow the union
// research (sources, means, aims, effects) so reports can later be counted the same way.
// These texts are seed data: once stored, the administrator edits them in the database.
const o = (code: string, nl: string, en: string) => ({ code, label: { nl, en } });
const l = (nl: string, en: string) => ({ nl, en });

// Option lists shared with the integrity monitor's survey: the same codes mean the same thing
// in a report and in a survey answer.
export const sourceOptions = [
            o('politician', 'Een politicus of bestuurder', 'A politician or administrator'),
            o('top_official', 'Een topambtenaar', 'A top official'),
            o('director', 'Een directeur', 'A director'),
            o('direct_manager', 'Mijn direct leidinggevende', 'My direct manager'),
            o('colleague', 'Een collega', 'A colleague'),
            o('external_client', 'Een externe opdrachtgever', 'An external commissioning party'),
            o('other', 'Iemand anders', 'Someone else'),
];
export const meansOptions = [
            o('verbal_intimidation', 'Met woorden: intimidatie', 'With words: intimidation'),
            o('nonverbal_intimidation', 'Zonder woorden: een dreigende sfeer of buitensluiten', 'Without words: a threatening atmosphere or exclusion'),
            o('evaluation_threat', 'Dreigen met een slechte beoordeling of mijn loopbaan', 'Threats to my evaluation or career'),
            o('bullying', 'Pesten', 'Bullying'),
            o('other', 'Anders', 'Other'),
];
export const aimsOptions = [
            o('withhold_information', 'Informatie achterhouden', 'Withhold information'),
            o('adjust_report', 'Een rapport aanpassen', 'Adjust a report'),
            o('ignore_quality_control', 'Uitkomsten van een kwaliteitscontrole negeren', 'Ignore quality-control outcomes'),
            o('serve_political_wishes', 'Politieke wensen bedienen', 'Serve political wishes'),
            o('not_sanction', 'Niet sanctioneren of niet beboeten', 'Not sanction or fine'),
            o('break_other_rules', 'Andere regels overtreden', 'Break other rules'),
            o('other', 'Anders', 'Other'),
];
export const publicEffectOptions = [
            o('wrong_information', 'Beleid gebouwd op verkeerde informatie', 'Policy built on wrong information'),
            o('money_wasted', 'Geld verspild', 'Money wasted'),
            o('unsafe', 'Onveilige situaties', 'Unsafe situations'),
            o('public_misled', 'Het publiek is misleid', 'The public misled'),
            o('none', 'Geen', 'None'),
            o('other', 'Anders', 'Other'),
];

export const commissionQuestionnaire: QuestionnaireDefinition = {
  steps: [
    {
      code: 'concern',
      title: l('Waar gaat het over?', 'What is it about?'),
      questions: [
        {
          code: 'KIND',
          type: 'single',
          label: l('Wat voor zorg is het?', 'What kind of concern is it?'),
          required: true,
          enabled: true,
          options: [
            o('improper_pressure', 'Oneigenlijke druk: ik word onder druk gezet om iets te doen wat niet klopt', 'Improper pressure: I am pushed to do something that is not right'),
            o('integrity_violation', 'Een integriteitsschending die ik heb gezien of meegemaakt', 'An integrity violation I saw or experienced'),
            o('manager_conduct', 'Een klacht over hoe een leidinggevende mij behandelt of zich gedraagt', 'A complaint about how a manager treats me or behaves'),
            o('risk_signal', 'Ik kan mijn werk niet goed doen (bezuinigingen, te weinig mensen, regels die niet uit te voeren zijn)', 'I cannot do my work properly (cuts, understaffing, rules that cannot be met)'),
          ],
        },
        {
          code: 'WHAT',
          type: 'text',
          label: l('Wat is er gebeurd?', 'What happened?'),
          help: l(
            'Schrijf het in uw eigen woorden. Noem alleen namen als dat nodig is om het te begrijpen.',
            'Write it in your own words. Only name people where that is needed to understand it.',
          ),
          required: true,
          enabled: true,
        },
        {
          code: 'WHEN',
          type: 'period',
          label: l('Wanneer ongeveer?', 'Roughly when?'),
          help: l('Een maand en jaar of een periode, bijvoorbeeld "voorjaar 2026". Een precieze datum is niet nodig.', 'A month and year or a period, for example "spring 2026". An exact date is not needed.'),
          required: false,
          enabled: true,
        },
      ],
    },
    {
      code: 'pressure',
      title: l('De druk', 'The pressure'),
      intro: l('Deze vragen zijn niet verplicht. Ze helpen de commissie om te zien wat er speelt.', 'These questions are optional. They help the commission see what is going on.'),
      questions: [
        {
          code: 'SOURCE',
          type: 'multi',
          label: l('Van wie komt de druk?', 'Who does the pressure come from?'),
          required: false,
          enabled: true,
          options: sourceOptions,
        },
        {
          code: 'MEANS',
          type: 'multi',
          label: l('Hoe wordt de druk uitgeoefend?', 'How is the pressure applied?'),
          required: false,
          enabled: true,
          options: meansOptions,
        },
        {
          code: 'AIMS',
          type: 'multi',
          label: l('Waartoe moest u iets doen of laten?', 'What were you pushed to do or not do?'),
          required: false,
          enabled: true,
          options: aimsOptions,
        },
      ],
    },
    {
      code: 'effects',
      title: l('Gevolgen', 'Effects'),
      questions: [
        {
          code: 'EFFECTS_PERSONAL',
          type: 'multi',
          label: l('Wat doet het met u?', 'What does it do to you?'),
          required: false,
          enabled: true,
          options: [
            o('professionalism', 'Het tast mijn vakmanschap aan', 'It harms my professionalism'),
            o('psychological', 'Psychische klachten', 'Psychological complaints'),
            o('cynicism', 'Ik word er cynisch van', 'It makes me cynical'),
            o('less_joy', 'Minder plezier in mijn werk', 'Less joy in my work'),
            o('physical', 'Lichamelijke klachten', 'Physical complaints'),
            o('excluded', 'Ik word buitengesloten of gepest', 'I am excluded or bullied'),
            o('sick_leave', 'Ik ben of was ziek thuis', 'I am or was on sick leave'),
            o('other', 'Anders', 'Other'),
          ],
        },
        {
          code: 'EFFECTS_PUBLIC',
          type: 'multi',
          label: l('Wat zijn de gevolgen voor het publieke belang?', 'What are the effects on the public interest?'),
          required: false,
          enabled: true,
          options: publicEffectOptions,
        },
        {
          code: 'TALKED_TO',
          type: 'multi',
          label: l('Met wie hebt u er al over gesproken?', 'Whom have you already talked to?'),
          required: false,
          enabled: true,
          options: [
            o('colleague', 'Een collega', 'A colleague'),
            o('family', 'Partner of familie', 'Partner or family'),
            o('direct_manager', 'Mijn direct leidinggevende', 'My direct manager'),
            o('confidential_advisor', 'Een vertrouwenspersoon', 'A confidential advisor'),
            o('company_doctor', 'De bedrijfsarts', 'The company doctor'),
            o('director', 'Een directeur', 'A director'),
            o('hr', 'HR of P&O', 'HR'),
            o('nobody', 'Nog niemand', 'Nobody yet'),
          ],
        },
      ],
    },
    {
      code: 'wishes',
      title: l('Wat wilt u?', 'What do you want?'),
      questions: [
        {
          code: 'WANT',
          type: 'multi',
          label: l('Wat wilt u dat er gebeurt?', 'What would you like to happen?'),
          help: l('U kunt meer dan één ding kiezen. De commissie doet niets zonder dat met u te bespreken.', 'You can choose more than one. The commission does nothing without discussing it with you.'),
          required: true,
          enabled: true,
          options: [
            o('advice', 'Advies', 'Advice'),
            o('conversation', 'Een gesprek met de betrokkene', 'A conversation with the person concerned'),
            o('mediation', 'Bemiddeling', 'Mediation'),
            o('investigation', 'Een onderzoek', 'An investigation'),
            o('record_only', 'Alleen dat het is vastgelegd', 'Only that it is on record'),
          ],
        },
        {
          code: 'MEETING',
          type: 'yesNo',
          label: l('Wilt u de commissie ook spreken (op kantoor, elders of telefonisch)?', 'Would you also like to meet the commission (in person, elsewhere or by phone)?'),
          help: l('U hebt daar recht op. Het secretariaat maakt dan via uw ontvangstcode een afspraak met u.', 'You have a right to this. The secretariat then arranges it with you through your receipt.'),
          required: false,
          enabled: true,
        },
      ],
    },
  ],
};

export const ethicsQuestionnaire: QuestionnaireDefinition = {
  steps: [
    {
      code: 'question',
      title: l('Uw vraag', 'Your question'),
      questions: [
        {
          code: 'QUESTION',
          type: 'text',
          label: l('Wat is uw morele vraag?', 'What is your moral question?'),
          help: l('Bijvoorbeeld: "Mag ik dit advies aanpassen omdat het politiek niet uitkomt?"', 'For example: "May I change this advice because it is politically inconvenient?"'),
          required: true,
          enabled: true,
        },
        {
          code: 'CONTEXT',
          type: 'text',
          label: l('Wat moet het panel nog weten?', 'What else should the panel know?'),
          required: false,
          enabled: true,
        },
      ],
    },
  ],
};

export const advisorQuestionnaire: QuestionnaireDefinition = {
  steps: [
    {
      code: 'request',
      title: l('Uw verzoek', 'Your request'),
      questions: [
        {
          code: 'TOPIC',
          type: 'text',
          label: l('Waarover wilt u praten?', 'What would you like to talk about?'),
          help: l('Een paar zinnen is genoeg. De vertrouwenspersoon doet niets zonder uw toestemming.', 'A few sentences are enough. The confidential advisor does nothing without your consent.'),
          required: true,
          enabled: true,
        },
      ],
    },
  ],
};

// "I cannot do my work as it should be done": short on purpose, so that it is easy to give the
// signal early. It reaches the commission and is counted apart from reports.
export const riskSignalQuestionnaire: QuestionnaireDefinition = {
  steps: [
    {
      code: 'signal',
      title: l('Uw signaal', 'Your signal'),
      questions: [
        {
          code: 'WHAT',
          type: 'text',
          label: l('Wat kunt u niet doen zoals het hoort?', 'What can you not do as it should be done?'),
          help: l('Bijvoorbeeld: "Wij kunnen de controles niet meer allemaal uitvoeren."', 'For example: "We can no longer carry out all inspections."'),
          required: true,
          enabled: true,
        },
        {
          code: 'CAUSE',
          type: 'multi',
          label: l('Waardoor komt dat?', 'What causes it?'),
          required: false,
          enabled: true,
          options: [
            o('cuts', 'Bezuinigingen', 'Cuts'),
            o('understaffing', 'Te weinig mensen', 'Understaffing'),
            o('rules_unworkable', 'Regels die niet uit te voeren zijn', 'Rules that cannot be carried out'),
            o('time_pressure', 'Te weinig tijd', 'Not enough time'),
            o('other', 'Anders', 'Other'),
          ],
        },
        {
          code: 'EFFECTS_PUBLIC',
          type: 'multi',
          label: l('Wat zijn de gevolgen voor het publiek?', 'What are the consequences for the public?'),
          required: false,
          enabled: true,
          options: publicEffectOptions,
        },
      ],
    },
  ],
};

export const defaultRoutes = [
  {
    code: 'commission',
    position: 1,
    name: l('Melden bij de onafhankelijke integriteitscommissie', 'Report to the independent integrity commission'),
    description: l(
      'De commissie onderzoekt uw melding, spreekt u als u dat wilt en laat binnen drie maanden weten wat er met uw melding gebeurt. Het secretariaat, de commissieleden en de voorzitter lezen mee.',
      'The commission looks into your report, meets you if you wish and tells you within three months what happens with it. The secretariat, the commission members and the chair read it.',
    ),
    handlerRoles: ['secretary', 'commission_member', 'chair'],
    custodianRoles: ['chair'],
    questionnaire: commissionQuestionnaire,
  },
  {
    code: 'ethics',
    position: 2,
    name: l('Een morele vraag stellen aan het ethiekpanel', 'Ask the ethics panel a moral question'),
    description: l(
      'Voor als u twijfelt of iets wel in orde is, voordat er iets is misgegaan. Alleen de leden van het ethiekpanel lezen uw vraag.',
      'For when you doubt whether something is right, before anything has gone wrong. Only the members of the ethics panel read your question.',
    ),
    handlerRoles: ['ethics_panel_member'],
    custodianRoles: ['ethics_panel_member'],
    questionnaire: ethicsQuestionnaire,
  },
  {
    code: 'advisor',
    position: 3,
    name: l('Praten met een vertrouwenspersoon', 'Talk to a confidential advisor'),
    description: l(
      'Een vertrouwenspersoon luistert, denkt met u mee en doet niets zonder uw toestemming. Alleen de vertrouwenspersonen lezen uw bericht.',
      'A confidential advisor listens, thinks along with you and does nothing without your consent. Only the confidential advisors read your message.',
    ),
    handlerRoles: ['confidential_advisor'],
    custodianRoles: ['confidential_advisor'],
    questionnaire: advisorQuestionnaire,
  },
  {
    code: 'risk_signal',
    position: 4,
    name: l('Signaal: ik kan mijn werk niet doen zoals het hoort', 'Signal: I cannot do my work as it should be done'),
    description: l(
      'Voor bezuinigingen, te weinig mensen of regels die niet uit te voeren zijn. Het signaal gaat naar de onafhankelijke commissie, die zulke signalen apart telt en vroeg aan de top van de organisatie laat zien. Het secretariaat, de commissieleden en de voorzitter lezen het.',
      'For cuts, understaffing or rules that cannot be carried out. The signal goes to the independent commission, which counts such signals apart and shows them to top management early. The secretariat, the commission members and the chair read it.',
    ),
    handlerRoles: ['secretary', 'commission_member', 'chair'],
    custodianRoles: ['chair'],
    questionnaire: riskSignalQuestionnaire,
  },
];
