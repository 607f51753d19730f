"""The reference framework Enlace ships, built from the domain reference §3-5: the Trafficking in Persons
Protocol (TIP) and the Smuggling of Migrants Protocol (SOM), with UNTOC articles that apply to both, in the four
pillars of UNODC's frameworks for action. The figures follow the UNODC Global Report questionnaire and SDG 16.2.2.
A draft the Network edits: editing it makes a new version (services.frameworks)."""

FRAMEWORK = {
    "code": "palermo",
    "title_es": "Indicadores de implementación de los Protocolos de Palermo",
    "title_en": "Indicators of implementation of the Palermo Protocols",
    "description_es": (
        "Marco de referencia de la Red (borrador): Protocolo contra la trata de personas y Protocolo contra el "
        "tráfico ilícito de migrantes, con artículos de la Convención de Palermo; cifras alineadas con el "
        "cuestionario del Informe Mundial de UNODC y el indicador ODS 16.2.2."
    ),
    "description_en": (
        "The Network's reference framework (draft): the Trafficking in Persons Protocol and the Smuggling of "
        "Migrants Protocol, with articles of the Palermo Convention; figures aligned with UNODC's Global Report "
        "questionnaire and SDG indicator 16.2.2."
    ),
}

# fmt: off
YNP, INT, DEC, PCT, DATE, TEXT, CHOICE, MULTI = (
    "yes_no_partly", "integer", "decimal", "percentage", "date", "text", "choice", "multiple",
)
PEOPLE = ["sex", "age", "citizenship"]
UNODC_Q = "UNODC Global Report questionnaire"

EXPLOITATION_CHOICES = [
    {"code": "sexual", "es": "explotación sexual", "en": "sexual exploitation"},
    {"code": "labour", "es": "trabajos o servicios forzados", "en": "forced labour or services"},
    {"code": "slavery", "es": "esclavitud o prácticas análogas", "en": "slavery or similar practices"},
    {"code": "servitude", "es": "servidumbre", "en": "servitude"},
    {"code": "organs", "es": "extracción de órganos", "en": "removal of organs"},
    {"code": "begging", "es": "mendicidad forzada", "en": "forced begging"},
    {"code": "marriage", "es": "matrimonio forzado", "en": "forced marriage"},
    {"code": "adoption", "es": "adopción irregular", "en": "illegal adoption"},
]
ASSISTANCE_CHOICES = [
    {"code": "housing", "es": "alojamiento", "en": "housing"},
    {"code": "counselling", "es": "asesoría e información", "en": "counselling and information"},
    {"code": "medical", "es": "atención médica y psicológica", "en": "medical and psychological care"},
    {"code": "work", "es": "empleo, educación y capacitación", "en": "employment, education and training"},
    {"code": "legal", "es": "asistencia jurídica", "en": "legal assistance"},
    {"code": "compensation", "es": "indemnización", "en": "compensation"},
]
AGGRAVATION_CHOICES = [
    {"code": "life", "es": "pone en peligro la vida o la seguridad", "en": "endangering life or safety"},
    {"code": "degrading", "es": "trato inhumano o degradante", "en": "inhuman or degrading treatment"},
    {"code": "exploitation", "es": "explotación", "en": "exploitation"},
    {"code": "children", "es": "víctimas niñas, niños o adolescentes", "en": "children smuggled"},
]
BODY_CHOICES = [
    {"code": "own", "es": "órgano propio para el tráfico ilícito", "en": "a body of its own for smuggling"},
    {"code": "shared", "es": "compartido con la trata de personas", "en": "shared with trafficking in persons"},
    {"code": "none", "es": "ninguno", "en": "none"},
]

# (code, protocol, pillar, type, Spanish, English, source / article, options)
INDICATORS = [
    # --- Trafficking: prosecution (TIP art. 3, 5; UNTOC art. 10, 12-14)
    ("TIP-PR-01", "tip", "prosecution", YNP,
     "El delito de trata tipifica el acto, el medio y el fin de explotación",
     "The trafficking offence covers the act, the means and the purpose of exploitation", "TIP art. 3(a), 5", {}),
    ("TIP-PR-02", "tip", "prosecution", YNP,
     "El consentimiento de la víctima es irrelevante cuando se usa alguno de los medios",
     "The victim's consent is irrelevant where any of the means is used", "TIP art. 3(b)", {}),
    ("TIP-PR-03", "tip", "prosecution", YNP,
     "Para personas menores de 18 años no se exige ningún medio",
     "No means is required when the victim is under 18", "TIP art. 3(c), 3(d)", {}),
    ("TIP-PR-04", "tip", "prosecution", MULTI,
     "Formas de explotación que la ley cubre", "Forms of exploitation the law covers", "TIP art. 3(a)",
     {"choices": EXPLOITATION_CHOICES}),
    ("TIP-PR-05", "tip", "prosecution", YNP,
     "Se penalizan la tentativa, la complicidad y la organización o dirección del delito",
     "Attempt, participation as an accomplice and organizing or directing are criminalized", "TIP art. 5(2)", {}),
    ("TIP-PR-06", "tip", "prosecution", INT,
     "Delitos de trata de personas registrados por la policía", "Trafficking offences recorded by the police",
     UNODC_Q, {"unit": "delitos / offences", "unodc": "offences", "dis": ["exploitation"]}),
    ("TIP-PR-07", "tip", "prosecution", INT,
     "Personas en contacto formal con la policía (sospechosas, arrestadas o amonestadas) por trata",
     "Persons in formal contact with the police (suspected, arrested or cautioned) for trafficking", UNODC_Q,
     {"unit": "personas / persons", "unodc": "suspected", "dis": PEOPLE}),
    ("TIP-PR-08", "tip", "prosecution", INT,
     "Personas procesadas por trata de personas", "Persons prosecuted for trafficking in persons", UNODC_Q,
     {"unit": "personas / persons", "unodc": "prosecuted", "dis": PEOPLE}),
    ("TIP-PR-09", "tip", "prosecution", INT,
     "Personas condenadas por trata de personas", "Persons convicted of trafficking in persons", UNODC_Q,
     {"unit": "personas / persons", "unodc": "convicted", "dis": PEOPLE}),
    ("TIP-PR-10", "tip", "prosecution", DEC,
     "Valor de los bienes decomisados en casos de trata (USD)", "Value of assets confiscated in trafficking "
     "cases (USD)", "UNTOC art. 12-14", {"unit": "USD", "unodc": "confiscated", "required": False}),
    ("TIP-PR-11", "tip", "prosecution", YNP,
     "Existe una fiscalía o unidad especializada en trata de personas",
     "There is a specialized prosecution office or unit for trafficking in persons", "IOM 2016", {}),
    ("TIP-PR-12", "tip", "prosecution", YNP,
     "Las personas jurídicas pueden ser responsables del delito",
     "Legal persons can be held liable for the offence", "UNTOC art. 10", {}),
    # --- Trafficking: protection (TIP art. 6-8)
    ("TIP-PT-01", "tip", "protection", INT,
     "Víctimas de trata detectadas", "Victims of trafficking detected", f"{UNODC_Q}; SDG 16.2.2",
     {"unit": "personas / persons", "unodc": "victims", "dis": ["sex", "age", "exploitation", "flow"]}),
    ("TIP-PT-02", "tip", "protection", INT,
     "Víctimas que recibieron asistencia", "Victims who received assistance", "TIP art. 6(3)",
     {"unit": "personas / persons", "dis": ["sex", "age"]}),
    ("TIP-PT-03", "tip", "protection", MULTI,
     "Asistencia que el Estado ofrece a las víctimas", "Assistance the State offers victims", "TIP art. 6(3), 6(6)",
     {"choices": ASSISTANCE_CHOICES}),
    ("TIP-PT-04", "tip", "protection", YNP,
     "Existe un protocolo de identificación y derivación de víctimas",
     "There is a protocol for identifying and referring victims", "IOM 2016", {}),
    ("TIP-PT-05", "tip", "protection", YNP,
     "Se protege la privacidad e identidad de las víctimas en los procedimientos",
     "The privacy and identity of victims are protected in proceedings", "TIP art. 6(1)", {}),
    ("TIP-PT-06", "tip", "protection", YNP,
     "Las víctimas no son sancionadas por delitos cometidos como consecuencia de la trata",
     "Victims are not punished for offences committed as a result of being trafficked", "TIP art. 2(b), 6", {}),
    ("TIP-PT-07", "tip", "protection", YNP,
     "La ley permite a las víctimas permanecer en el territorio (permiso de residencia)",
     "The law allows victims to remain in the territory (residence permit)", "TIP art. 7", {}),
    ("TIP-PT-08", "tip", "protection", INT,
     "Permisos de residencia otorgados a víctimas", "Residence permits granted to victims", "TIP art. 7",
     {"unit": "permisos / permits", "dis": ["sex"], "required": False}),
    ("TIP-PT-09", "tip", "protection", INT,
     "Víctimas repatriadas de forma segura", "Victims repatriated in safety", "TIP art. 8",
     {"unit": "personas / persons", "dis": ["sex", "age"]}),
    ("TIP-PT-10", "tip", "protection", INT,
     "Albergues especializados para víctimas de trata", "Shelters specialized for victims of trafficking",
     "TIP art. 6(3)(a)", {"unit": "albergues / shelters"}),
    ("TIP-PT-11", "tip", "protection", PCT,
     "Porcentaje de víctimas detectadas que recibieron asistencia",
     "Share of detected victims who received assistance", "TIP art. 6(3)", {"unit": "%"}),
    # --- Trafficking: prevention (TIP art. 9-10)
    ("TIP-PV-01", "tip", "prevention", YNP,
     "Existe una política o plan nacional contra la trata de personas vigente",
     "A national policy or action plan against trafficking in persons is in force", "TIP art. 9(1); IOM 2016", {}),
    ("TIP-PV-02", "tip", "prevention", DATE,
     "Fecha de adopción del plan nacional vigente", "Date the national plan in force was adopted", "TIP art. 9(1)",
     {"required": False}),
    ("TIP-PV-03", "tip", "prevention", INT,
     "Campañas de información y sensibilización realizadas", "Information and awareness campaigns carried out",
     "TIP art. 9(2); IOM 2016", {"unit": "campañas / campaigns"}),
    ("TIP-PV-04", "tip", "prevention", YNP,
     "Se realizan investigaciones o estudios sobre la trata", "Research or studies on trafficking are carried out",
     "TIP art. 9(2)", {}),
    ("TIP-PV-05", "tip", "prevention", YNP,
     "Hay medidas para desalentar la demanda que propicia la explotación",
     "There are measures to discourage the demand that fosters exploitation", "TIP art. 9(5)", {}),
    ("TIP-PV-06", "tip", "prevention", YNP,
     "Hay medidas que atienden los factores de vulnerabilidad (pobreza, desigualdad, falta de oportunidades)",
     "There are measures addressing vulnerability factors (poverty, inequality, lack of opportunity)",
     "TIP art. 9(4)", {}),
    ("TIP-PV-07", "tip", "prevention", INT,
     "Funcionarias y funcionarios capacitados en trata de personas",
     "Officials trained on trafficking in persons", "TIP art. 10(2)", {"unit": "personas / persons", "dis": ["sex"]}),
    ("TIP-PV-08", "tip", "prevention", DEC,
     "Presupuesto público asignado a la lucha contra la trata (USD)",
     "Public budget assigned to combating trafficking (USD)", "IOM 2016", {"unit": "USD", "required": False}),
    # --- Trafficking: cooperation and coordination (TIP art. 9(3), 10-11; UNTOC art. 16, 18)
    ("TIP-CO-01", "tip", "cooperation", YNP,
     "Existe un órgano nacional de coordinación contra la trata", "There is a national coordinating body against "
     "trafficking", "IOM 2016 (institutional structure)", {}),
    ("TIP-CO-02", "tip", "cooperation", INT,
     "Sesiones del órgano nacional de coordinación en el periodo",
     "Meetings of the national coordinating body in the period", "IOM 2016", {"unit": "sesiones / meetings"}),
    ("TIP-CO-03", "tip", "cooperation", YNP,
     "Se coopera con organizaciones de la sociedad civil", "The State cooperates with civil-society organizations",
     "TIP art. 9(3)", {}),
    ("TIP-CO-04", "tip", "cooperation", INT,
     "Solicitudes de asistencia judicial recíproca enviadas en casos de trata",
     "Requests for mutual legal assistance sent in trafficking cases", "UNTOC art. 18",
     {"unit": "solicitudes / requests"}),
    ("TIP-CO-05", "tip", "cooperation", INT,
     "Solicitudes de asistencia judicial recíproca recibidas en casos de trata",
     "Requests for mutual legal assistance received in trafficking cases", "UNTOC art. 18",
     {"unit": "solicitudes / requests"}),
    ("TIP-CO-06", "tip", "cooperation", INT,
     "Solicitudes de extradición por trata", "Extradition requests for trafficking", "UNTOC art. 16",
     {"unit": "solicitudes / requests", "required": False}),
    ("TIP-CO-07", "tip", "cooperation", YNP,
     "Las autoridades intercambian información con las de otros Estados",
     "Authorities exchange information with those of other States", "TIP art. 10(1)", {}),
    ("TIP-CO-08", "tip", "cooperation", YNP,
     "Hay controles fronterizos que incluyen a los transportistas comerciales",
     "Border controls include commercial carriers", "TIP art. 11", {}),
    # --- Smuggling: prosecution (SOM art. 3, 6)
    ("SOM-PR-01", "som", "prosecution", YNP,
     "El delito de tráfico ilícito incluye el fin de obtener un beneficio financiero u otro beneficio material",
     "The smuggling offence includes the purpose of a financial or other material benefit", "SOM art. 3(a), 6(1)(a)",
     {}),
    ("SOM-PR-02", "som", "prosecution", YNP,
     "Se penaliza el fraude documental para facilitar el tráfico", "Document fraud to enable smuggling is "
     "criminalized", "SOM art. 6(1)(b)", {}),
    ("SOM-PR-03", "som", "prosecution", YNP,
     "Se penaliza habilitar la permanencia ilegal", "Enabling illegal stay is criminalized", "SOM art. 6(1)(c)", {}),
    ("SOM-PR-04", "som", "prosecution", MULTI,
     "Circunstancias agravantes previstas", "Aggravating circumstances provided", "SOM art. 6(3)",
     {"choices": AGGRAVATION_CHOICES}),
    ("SOM-PR-05", "som", "prosecution", INT,
     "Delitos de tráfico ilícito de migrantes registrados", "Migrant smuggling offences recorded", UNODC_Q,
     {"unit": "delitos / offences", "unodc": "offences", "dis": ["route"]}),
    ("SOM-PR-06", "som", "prosecution", INT,
     "Personas sospechosas de tráfico ilícito de migrantes", "Persons suspected of migrant smuggling", UNODC_Q,
     {"unit": "personas / persons", "unodc": "suspected", "dis": ["sex", "citizenship"]}),
    ("SOM-PR-07", "som", "prosecution", INT,
     "Personas procesadas por tráfico ilícito de migrantes", "Persons prosecuted for migrant smuggling", UNODC_Q,
     {"unit": "personas / persons", "unodc": "prosecuted", "dis": ["sex", "citizenship"]}),
    ("SOM-PR-08", "som", "prosecution", INT,
     "Personas condenadas por tráfico ilícito de migrantes", "Persons convicted of migrant smuggling", UNODC_Q,
     {"unit": "personas / persons", "unodc": "convicted", "dis": ["sex", "citizenship"]}),
    # --- Smuggling: protection (SOM art. 5, 16, 18)
    ("SOM-PT-01", "som", "protection", YNP,
     "Los migrantes objeto de tráfico no son penalmente responsables por haberlo sido",
     "Smuggled migrants are not criminally liable for having been smuggled", "SOM art. 5", {}),
    ("SOM-PT-02", "som", "protection", INT,
     "Migrantes objeto de tráfico detectados", "Smuggled migrants detected", UNODC_Q,
     {"unit": "personas / persons", "dis": ["sex", "age", "route"]}),
    ("SOM-PT-03", "som", "protection", INT,
     "Niñas, niños y adolescentes no acompañados entre los migrantes detectados",
     "Unaccompanied children among the smuggled migrants detected", "SOM art. 16(4)",
     {"unit": "personas / persons"}),
    ("SOM-PT-04", "som", "protection", YNP,
     "Se protegen la vida y la integridad de los migrantes objeto de tráfico",
     "The life and safety of smuggled migrants are protected", "SOM art. 16(1)-(3)", {}),
    ("SOM-PT-05", "som", "protection", YNP,
     "Se notifica a la autoridad consular", "Consular authorities are notified", "SOM art. 16(5)", {}),
    ("SOM-PT-06", "som", "protection", YNP,
     "El retorno se hace con dignidad y seguridad", "Return is carried out with dignity and safety",
     "SOM art. 18", {}),
    # --- Smuggling: prevention (SOM art. 12-15)
    ("SOM-PV-01", "som", "prevention", INT,
     "Campañas de información sobre los riesgos del tráfico ilícito",
     "Information campaigns on the risks of smuggling", "SOM art. 15; IOM 2016", {"unit": "campañas / campaigns"}),
    ("SOM-PV-02", "som", "prevention", INT,
     "Funcionarias y funcionarios capacitados en tráfico ilícito de migrantes",
     "Officials trained on migrant smuggling", "SOM art. 14; IOM 2016", {"unit": "personas / persons",
                                                                          "dis": ["sex"]}),
    ("SOM-PV-03", "som", "prevention", YNP,
     "Hay procedimientos para identificar posibles casos", "There are procedures to identify potential cases",
     "IOM 2016", {}),
    ("SOM-PV-04", "som", "prevention", YNP,
     "Hay medidas de seguridad y control de los documentos de viaje",
     "There are measures for the security and control of travel documents", "SOM art. 12-13", {}),
    # --- Smuggling: cooperation (SOM art. 7-11)
    ("SOM-CO-01", "som", "cooperation", CHOICE,
     "Órgano que coordina la respuesta al tráfico ilícito", "The body that coordinates the response to smuggling",
     "IOM 2016 (organizational aspects)", {"choices": BODY_CHOICES}),
    ("SOM-CO-02", "som", "cooperation", YNP,
     "Hay cooperación fronteriza con los Estados vecinos", "There is border cooperation with neighbouring States",
     "SOM art. 11", {}),
    ("SOM-CO-03", "som", "cooperation", INT,
     "Intercambios de información con otros Estados sobre casos de tráfico",
     "Exchanges of information with other States on smuggling cases", "SOM art. 10",
     {"unit": "intercambios / exchanges"}),
    ("SOM-CO-04", "som", "cooperation", YNP,
     "Hay acuerdos para combatir el tráfico por mar", "There are agreements to combat smuggling by sea",
     "SOM art. 7-9", {"required": False}),
    # --- Both protocols: the parent convention (UNTOC)
    ("BOTH-PR-01", "both", "prosecution", YNP,
     "La ley permite el decomiso del producto del delito", "The law allows the confiscation of the proceeds of "
     "crime", "UNTOC art. 12-14", {}),
    ("BOTH-PR-02", "both", "prosecution", YNP,
     "Se usan técnicas especiales de investigación", "Special investigative techniques are used",
     "UNTOC art. 20", {}),
    ("BOTH-PT-01", "both", "protection", YNP,
     "Existe un programa de protección de testigos", "There is a witness protection programme", "UNTOC art. 24", {}),
    ("BOTH-CO-01", "both", "cooperation", YNP,
     "La ley prevé jurisdicción extraterritorial", "The law provides extraterritorial jurisdiction",
     "UNTOC art. 15", {}),
    ("BOTH-CO-02", "both", "cooperation", INT,
     "Investigaciones conjuntas con otros Estados", "Joint investigations with other States", "UNTOC art. 19",
     {"unit": "investigaciones / investigations"}),
    ("BOTH-CO-03", "both", "cooperation", TEXT,
     "Principales desafíos y necesidades de asistencia técnica", "Main challenges and technical assistance needs",
     "IOM 2016", {"required": False}),
]

# (code, left, operator, right, importance, Spanish, English)
RULES = [
    ("R-TIP-CONV", "TIP-PR-09", "<=", "TIP-PR-08", "error",
     "Las personas condenadas por trata no pueden ser más que las procesadas.",
     "Persons convicted of trafficking cannot outnumber those prosecuted."),
    ("R-TIP-PROS", "TIP-PR-08", "<=", "TIP-PR-07", "warning",
     "Hay más personas procesadas que en contacto con la policía: explique por qué.",
     "More persons were prosecuted than were in contact with the police: explain why."),
    ("R-SOM-CONV", "SOM-PR-08", "<=", "SOM-PR-07", "error",
     "Las personas condenadas por tráfico ilícito no pueden ser más que las procesadas.",
     "Persons convicted of smuggling cannot outnumber those prosecuted."),
    ("R-TIP-ASSIST", "TIP-PT-02", "<=", "TIP-PT-01", "warning",
     "Hay más víctimas asistidas que detectadas: explique por qué (p. ej., casos de años anteriores).",
     "More victims were assisted than detected: explain why (e.g. cases from earlier years)."),
    ("R-SOM-CHILD", "SOM-PT-03", "<=", "SOM-PT-02[age:child]", "error",
     "Los niños no acompañados no pueden ser más que los niños detectados.",
     "Unaccompanied children cannot outnumber the children detected."),
]
# fmt: on

# Parts of a disaggregation add up to the total: exactly for two-way splits, at most for the longer lists
# (where some parts are often unknown).
_NAMES = {
    "sex": ("sexo", "sex"),
    "age": ("edad", "age"),
    "citizenship": ("nacionalidad", "citizenship"),
    "exploitation": ("forma de explotación", "form of exploitation"),
    "flow": ("flujo", "flow"),
    "route": ("ruta", "route"),
}
for _code, _protocol, _pillar, _kind, _es, _en, _source, _options in INDICATORS:
    for _dimension in _options.get("dis", []):
        _exact = _dimension in ("sex", "age", "citizenship")
        _name_es, _name_en = _NAMES[_dimension]
        RULES.append(
            (
                f"R-{_code}-{_dimension}",
                f"sum({_code}[{_dimension}])",
                "==" if _exact else "<=",
                _code,
                "error",
                f"{_code}: el desglose por {_name_es} debe {'sumar el' if _exact else 'no superar el'} total.",
                f"{_code}: the parts by {_name_en} must {'add up to' if _exact else 'not exceed'} the total.",
            )
        )
